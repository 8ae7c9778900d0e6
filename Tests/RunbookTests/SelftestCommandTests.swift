import Foundation
import Testing

/// `runbook selftest` end to end: every probe must fail before its step and pass after it (issue 6).
@Suite("runbook selftest")
struct SelftestCommandTests {
    static let fixtures = RunbookBinary.fixtures.appendingPathComponent("selftest")

    /// Runs `runbook ARGUMENTS…` to the end without holding a thread of the shared pool while it
    /// runs (a blocking wait there delays the other tests' tasks, and their timings with them).
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) async throws -> RunbookBinary.Outcome {
        let running = try RunbookBinary.start(arguments, in: directory, environment: environment)
        while running.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        return await running.finish()
    }

    /// Runs `runbook selftest FIXTURE` with a scratch `dir` and results folder.
    static func selftest(_ fixture: String, scratch: URL, results: String = "results", extra: [String] = []) async throws
        -> RunbookBinary.Outcome
    {
        try await run(
            [
                "selftest", fixtures.appendingPathComponent(fixture).path, "--var", "dir=\(scratch.path)", "--out",
                scratch.appendingPathComponent(results).path,
            ] + extra,
            in: scratch)
    }

    @Test("probes that fail before and pass after: exit 0, each probe reported, a fresh learner, cleanup ran")
    func passes() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("selftest")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outcome = try await Self.selftest("passes.yaml", scratch: scratch)
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        let lines = outcome.stdout.components(separatedBy: "\n")
        #expect(lines.contains("✓ make            Make a file named after the learner"), "\(outcome.stdout)")
        #expect(lines.filter { $0 == "    verify 1: fails before the step ✓, passes after ✓" }.count == 2)
        #expect(lines.contains("    verify 2: fails before the step ✓, passes after ✓"))
        #expect(lines.contains("· no-probe        no verify probe"))
        #expect(lines.contains("    verify 1: may pass before (verify_before: pass; it passed) ✓, passes after ✓"))
        #expect(lines.contains("○ gpu-only        skipped: no NVIDIA runtime on this engine (1 probe not exercised)"))
        #expect(
            lines.contains(
                "selftest passed: 4 probes proved they can fail and can pass; 1 step without probes; 1 probe not exercised (step skipped)"))

        let results = try ResultsFile(directory: scratch.appendingPathComponent("results"))
        #expect(results.json["command"] as? String == "selftest")
        let learner = results.learners.first?["id"] as? String ?? ""
        #expect(learner.wholeMatch(of: /selftest-[a-z0-9]{6}/) != nil, "learner \(learner)")
        #expect(
            results.statuses() == [
                "make": "passed", "fill": "passed", "no-probe": "passed", "exists-already": "passed", "gpu-only": "skipped",
            ])
        let before = results.steps()["make"]?["verifyBefore"] as? [[String: Any]]
        #expect(before?.first?["status"] as? String == "failed", "the probes run before the step are in results.json")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasSuffix(".made") }
        #expect(leftovers.isEmpty, "cleanup removed \(leftovers)")

        let again = try await Self.selftest("passes.yaml", scratch: scratch, results: "results-2")
        #expect(again.status == 0)
        let other = try ResultsFile(directory: scratch.appendingPathComponent("results-2")).learners.first?["id"] as? String
        #expect(other != learner, "every selftest is a fresh learner")
    }

    @Test("a probe that cannot fail and one that cannot pass are defects: exit 1, each named with its step")
    func defects() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("selftest-defects")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outcome = try await Self.selftest("defects.yaml", scratch: scratch)
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 1, "\(outcome.stdout)\(outcome.stderr)")
        let lines = outcome.stdout.components(separatedBy: "\n")
        #expect(lines.contains("    verify 1: passed before the step ✗ (it cannot fail), passes after ✓"), "\(outcome.stdout)")
        #expect(lines.contains("selftest failed: 2 defects"))
        #expect(
            lines.contains(
                "  ✗ step cannot-fail: verify 1 passed before the step ran, so it cannot tell a learner who skipped the step (add `verify_before: pass` if that state legitimately exists already)"
            ))
        #expect(lines.contains("  ✗ step never-passes: verify 1 does not pass after the step (exit: expected 0, got 1)"))
        #expect(!outcome.stdout.contains("step fine:"), "the good step is no defect")
        let results = try ResultsFile(directory: scratch.appendingPathComponent("results"))
        #expect(results.statuses() == ["fine": "passed", "cannot-fail": "failed", "never-passes": "failed"])
        #expect((results.steps()["cannot-fail"]?["reason"] as? String)?.hasPrefix("verify 1 passed before the step ran") == true)
    }

    @Test("verify_before: pass accepts a probe that passes before its step")
    func verifyBeforePass() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("selftest-before")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let runbook = scratch.appendingPathComponent("before.yaml")
        try """
        runbook: 1
        steps:
          - id: exists
            title: Its state is there already
            exec: ["true"]
            verify_before: pass
            verify:
              - exec: ["true"]
        """.write(to: runbook, atomically: true, encoding: .utf8)
        let outcome = try await Self.run(["selftest", runbook.path, "--out", scratch.appendingPathComponent("results").path], in: scratch)
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.contains("verify 1: may pass before (verify_before: pass; it passed) ✓, passes after ✓"))
        #expect(outcome.stdout.contains("selftest passed: 1 probe proved they can fail and can pass"))
    }

    @Test("--learner does not apply: exit 2")
    func learnerRejected() async throws {
        let outcome = try await Self.run(
            ["selftest", Self.fixtures.appendingPathComponent("passes.yaml").path, "--learner", "alice"], in: RunbookBinary.fixtures)
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("selftest runs as a fresh learner of its own"))
    }

    @Test(
        "workshop.yaml passes selftest against the offline lab", .enabled(if: DockerAvailability.shouldRun, DockerAvailability.why),
        .timeLimit(.minutes(10)))
    func workshopModule() async throws {
        try DockerAvailability.requireLab()
        let scratch = try RunbookBinary.temporaryDirectory("selftest-workshop")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var environment = try DockerAvailability.labEnvironment()
        try #require(environment["REGISTRY_PASSWORD"] != nil, "lab/lab.env has no REGISTRY_PASSWORD")
        environment["DOCKER_USERNAME"] = ""
        let out = scratch.appendingPathComponent("results")
        let outcome = try await Self.run(
            ["selftest", DockerAvailability.workshop.path, "--var-file", DockerAvailability.labVarsFile.path, "--out", out.path],
            in: scratch, environment: environment)
        RunbookBinary.expectNoCrash(outcome)
        let results = try ResultsFile(directory: out)
        let learner = results.learners.first?["id"] as? String ?? "?"
        defer { ExternalTool.launch("docker", ["rmi", "-f", "127.0.0.1:5000/\(learner)/tf-mnist"]) }
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.contains("selftest passed: 4 probes proved they can fail and can pass"), "\(outcome.stdout)")
        for step in ["hostname", "rm", "build", "push"] {
            let before = results.steps()[step]?["verifyBefore"] as? [[String: Any]]
            let after = results.steps()[step]?["verify"] as? [[String: Any]]
            #expect(before?.first?["status"] as? String == "failed", "\(step): its probe failed before the step")
            #expect(after?.first?["status"] as? String == "passed", "\(step): its probe passed after the step")
        }
        #expect(
            await DockerAvailability.docker(["ps", "-aq", "--filter", "label=io.runbook.learner=\(learner)"]).isEmpty,
            "no container of the selftest is left")
    }
}
