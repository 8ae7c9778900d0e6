import Foundation
import Testing

/// The seed module end to end: `runbook run workshop.yaml` against the real engine and the lab registry (issue 4).
@Suite("workshop.yaml end to end", .serialized, .enabled(if: DockerAvailability.shouldRun, DockerAvailability.why))
struct WorkshopEndToEndTests {
    @Test("every step passes but the two GPU ones, skipped for lack of an NVIDIA runtime; the push lands; no container is left")
    func wholeModule() async throws {
        try DockerAvailability.requireLab()
        let password = try #require(try DockerAvailability.labEnvironment()["REGISTRY_PASSWORD"])
        let scratch = try RunbookBinary.temporaryDirectory("workshop")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("results")
        let learner = "e2e\(UInt32.random(in: 0..<UInt32.max))"
        let outcome = try await RunbookBinary.run(
            [
                "run", DockerAvailability.workshop.path, "--var-file", DockerAvailability.labVarsFile.path, "--learner", learner, "--out",
                out.path,
            ],
            in: scratch, environment: ["REGISTRY_PASSWORD": password, "DOCKER_USERNAME": ""])
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        let results = try ResultsFile(directory: out)
        var expected = Dictionary(
            uniqueKeysWithValues: ["ps", "hostname-tty", "hostname", "ps-all", "logs", "rm", "images", "build", "train", "login", "push"]
                .map { ($0, "passed") })
        expected["build-gpu"] = "skipped"
        expected["train-gpu"] = "skipped"
        #expect(results.statuses() == expected)
        let steps = results.steps()
        #expect(steps["train-gpu"]?["reason"] as? String == "no NVIDIA runtime on this engine")
        let accuracy = Double((steps["train"]?["captured"] as? [String: String])?["accuracy"] ?? "") ?? 0
        #expect(accuracy >= 0.6 && accuracy < 1, "a real accuracy, not a hard-coded one: \(accuracy)")
        let push = steps["push"]?["verify"] as? [[String: Any]]
        #expect(push?.first?["status"] as? String == "passed", "the manifest is in the registry")
        let runId = results.json["runId"] as? String ?? "?"
        #expect(
            try await ExternalTool.run("docker", ["ps", "-aq", "--filter", "label=io.runbook.run=\(runId)"]).output.isEmpty,
            "containers of the run are left")
        #expect(!(try String(contentsOf: out.appendingPathComponent("results.json"), encoding: .utf8)).contains(password))
        let fingerprint = (results.learners.first?["preflight"] as? [String: Any])?["fingerprint"] as? [String: Any]
        #expect(fingerprint?["serverVersion"] as? String != nil)
        #expect(fingerprint?["storageDriver"] as? String != nil)
        _ = try await ExternalTool.run("docker", ["rmi", "-f", "127.0.0.1:5000/\(learner)/tf-mnist"])
    }
}
