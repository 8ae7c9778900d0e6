import Foundation
import Testing

/// Module 2 (a web app behind a port, a volume, a network) end to end against the real engine:
/// run, selftest, three learners on one engine, and check after a learner did it by hand (issue 10).
@Suite("module 2 end to end", .serialized, .enabled(if: DockerAvailability.shouldRun, DockerAvailability.why))
struct WebappModuleTests {
    static let runbook = DockerAvailability.repositoryRoot.appendingPathComponent("modules/2-webapp/runbook.yaml")
    static let vars = DockerAvailability.labDirectory.appendingPathComponent("webapp-vars.yaml")

    /// A learner id no other test uses.
    static func learner(_ prefix: String) -> String { "\(prefix)\(UInt32.random(in: 0..<UInt32.max))" }

    /// Removes what a learner's module may have left (containers, network, volume, image).
    static func removeAll(of learners: [String]) {
        // Called from a `defer`, which cannot wait: one script, run and reaped in the background.
        let script = learners.map { learner in
            "docker rm -f '\(learner)-web'; docker network rm '\(learner)-net'; docker volume rm '\(learner)-notes'; docker rmi -f '\(learner)/notes'"
        }
        ExternalTool.launch("/bin/sh", ["-c", script.joined(separator: "; ") + " >/dev/null 2>&1"])
    }

    @Test("run: every step passes on a port of the learner's own; the cleanup leaves nothing")
    func run() async throws {
        try DockerAvailability.requireLab()
        let learner = Self.learner("web")
        defer { Self.removeAll(of: [learner]) }
        let scratch = try RunbookBinary.temporaryDirectory("webapp")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("results")
        let outcome = try await RunbookBinary.run(
            ["run", Self.runbook.path, "--var-file", Self.vars.path, "--learner", learner, "--out", out.path], in: scratch)
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        let results = try ResultsFile(directory: out)
        #expect(results.statuses().values.allSatisfy { $0 == "passed" }, "\(results.statuses())")
        let ports = results.learners.first?["ports"] as? [String: Int]
        #expect((ports?["web"] ?? 0) > 0)
        #expect(
            try await ExternalTool.run("docker", ["ps", "-aq", "--filter", "name=\(learner)-web"]).output.isEmpty,
            "the cleanup removes the container")
        #expect(try await ExternalTool.run("docker", ["volume", "ls", "-q", "--filter", "name=\(learner)-notes"]).output.isEmpty)
        let ready = results.steps()["ready"]
        #expect((ready?["attempts"] as? Int ?? 0) >= 1)
    }

    @Test("selftest: every probe and every `verify: self` step fails before its step and passes after it")
    func selftest() async throws {
        try DockerAvailability.requireLab()
        let scratch = try RunbookBinary.temporaryDirectory("webapp-selftest")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outcome = try await RunbookBinary.run(
            ["selftest", Self.runbook.path, "--var-file", Self.vars.path, "--out", scratch.appendingPathComponent("out").path], in: scratch)
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.contains("selftest passed"))
        let learner = try ResultsFile(directory: scratch.appendingPathComponent("out")).learners.first?["id"] as? String
        Self.removeAll(of: [learner ?? ""])
    }

    @Test("three learners on one engine: no port and no name collide")
    func threeLearners() async throws {
        try DockerAvailability.requireLab()
        let ids = (0..<3).map { _ in Self.learner("class") }
        defer { Self.removeAll(of: ids) }
        let scratch = try RunbookBinary.temporaryDirectory("webapp-class")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let roster = scratch.appendingPathComponent("roster.yaml")
        try ("learners:\n" + ids.map { "  - id: \($0)\n" }.joined()).write(to: roster, atomically: true, encoding: .utf8)
        let out = scratch.appendingPathComponent("results")
        let outcome = try await RunbookBinary.run(
            ["run", Self.runbook.path, "--var-file", Self.vars.path, "--learners", roster.path, "--jobs", "3", "--out", out.path],
            in: scratch)
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        let results = try ResultsFile(directory: out)
        let ports = results.learners.compactMap { ($0["ports"] as? [String: Int])?["web"] }
        #expect(ports.count == 3 && Set(ports).count == 3, "\(ports)")
        for learner in results.learners {
            let steps = learner["steps"] as? [[String: Any]] ?? []
            #expect(
                steps.allSatisfy { $0["status"] as? String == "passed" }, "\(learner["id"] ?? "?"): \(steps.map { $0["reason"] ?? "" })")
        }
    }

    @Test("check after a learner did it by hand, with the port their guide chose")
    func checkAfterHandWork() async throws {
        try DockerAvailability.requireLab()
        let learner = Self.learner("hand")
        defer { Self.removeAll(of: [learner]) }
        let scratch = try RunbookBinary.temporaryDirectory("webapp-hand")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let state = scratch.appendingPathComponent("state")
        let environment = ["XDG_STATE_HOME": state.path]
        // Before: nothing done, so every step with a probe fails (and none is skipped for its needs).
        let before = try await RunbookBinary.run(
            [
                "check", Self.runbook.path, "--var-file", Self.vars.path, "--learner", learner, "--out",
                scratch.appendingPathComponent("before").path,
            ],
            in: scratch, environment: environment)
        #expect(before.status == 1)
        let port = Int.random(in: 30_000...39_000)
        let sha =
            try #require(ResultsFile(directory: scratch.appendingPathComponent("before")).json["runbook"] as? [String: Any])["sha256"]
            as? String
        // The guide keeps the learner's ports in its state; this learner's guide chose `port`.
        let folder = state.appendingPathComponent("runbook/\(sha ?? "")")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let stateJSON = """
            {"schema": "runbook-guide-state/1", "runbook": {"path": "\(Self.runbook.path)", "sha256": "\(sha ?? "")"},
             "learner": "\(learner)", "updatedAt": "2026-11-29T00:00:00.000Z", "results": {}, "captures": {}, "ports": {"web": \(port)}}
            """
        try stateJSON.write(to: folder.appendingPathComponent("\(learner).json"), atomically: true, encoding: .utf8)
        // By hand, as the guide showed it.
        let base = try #require(
            await DockerAvailability.docker(["image", "inspect", "--format", "{{.Id}}", "runbook-lab/python:3"]).isEmpty
                ? nil : "runbook-lab/python:3")
        let source = DockerAvailability.repositoryRoot.appendingPathComponent("modules/2-webapp/src").path
        let script = """
            set -e
            docker build -q -t \(learner)/notes --build-arg BASE_IMAGE=\(base) \(source) > /dev/null
            docker volume create \(learner)-notes > /dev/null
            docker network create \(learner)-net > /dev/null
            docker run -d --name \(learner)-web --network \(learner)-net -p \(port):80 -v \(learner)-notes:/data -e AUTHOR=\(learner) \(learner)/notes > /dev/null
            for i in $(seq 1 60); do curl -fs http://127.0.0.1:\(port)/api/health > /dev/null && break; sleep 0.5; done
            curl -fs -X POST -H 'Content-Type: application/json' -d '{"text": "containers are cattle"}' http://127.0.0.1:\(port)/api/notes > /dev/null
            """
        #expect(try await ExternalTool.run("/bin/sh", ["-c", script]).status == 0)
        let after = try await RunbookBinary.run(
            [
                "check", Self.runbook.path, "--var-file", Self.vars.path, "--learner", learner, "--out",
                scratch.appendingPathComponent("after").path,
            ],
            in: scratch, environment: environment)
        RunbookBinary.expectNoCrash(after)
        let statuses = try ResultsFile(directory: scratch.appendingPathComponent("after")).statuses()
        for step in ["build", "volume", "network", "run", "ready", "browse", "add-note", "list", "still-there"] {
            #expect(statuses[step] == "passed", "\(step): \(statuses)")
        }
        #expect(statuses["replace"] == "skipped" && statuses["neighbour"] == "skipped", "steps without probes: \(statuses)")
        #expect(after.status == 0, "\(after.stdout)")
    }
}
