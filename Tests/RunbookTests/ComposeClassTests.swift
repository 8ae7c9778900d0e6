import Foundation
import Testing

/// Module 4 (Compose) for a class on one engine (issue 17, SPEC 12.3): three learners at once,
/// Ctrl-C in the middle, and a guided learner who quits while `compose up` runs in the background —
/// nothing of theirs is left behind by the runner's sweeps and cleanup.
@Suite("Compose: a class on one engine", .serialized, .enabled(if: DockerAvailability.shouldRun, DockerAvailability.why))
struct ComposeClassTests {
    /// The journal's records so far (a torn last line ignored).
    static func records(_ out: URL) -> [[String: Any]] {
        guard let text = try? String(contentsOf: out.appendingPathComponent("journal.jsonl"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    /// Module 4 with one more step after `add-note` that waits for the file `go` in `scratch`: each
    /// learner is held there, its app running in the background, until the test says so.
    static func heldModule(in scratch: URL) throws -> URL {
        var text = try String(contentsOf: ModuleLab.compose, encoding: .utf8)
        text = text.replacingOccurrences(of: "\nmodule: .\n", with: "\nmodule: \(ModuleLab.compose.deletingLastPathComponent().path)\n")
        let hold = """
              - id: hold
                title: Wait for the test
                sh: while [ ! -e '\(scratch.path)/go' ]; do sleep 0.1; done
                timeout: 10m

              - id: stop
            """
        text = text.replacingOccurrences(of: "  - id: stop\n", with: hold + "\n")
        let file = scratch.appendingPathComponent("module-4-held.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test("three learners, Ctrl-C while their apps run in the background: stopped, cleaned up, nothing left")
    func interruptedClass() async throws {
        try DockerAvailability.requireLab()
        let learners = (0..<3).map { _ in ModuleLab.learner("cc") }
        let scratch = try RunbookBinary.temporaryDirectory("compose-class")
        defer {
            ModuleLab.removeCompose(learners)
            try? FileManager.default.removeItem(at: scratch)
        }
        let out = scratch.appendingPathComponent("results")
        let running = try RunbookBinary.start(
            ["run", try Self.heldModule(in: scratch).path, "--learners", try ModuleLab.roster(learners, in: scratch).path, "--jobs", "3"]
                + ["--out", out.path] + ModuleLab.composeVars,
            in: scratch)
        // In the middle: every learner added a note and waits at `hold`, its app up in the background.
        func passed(_ id: String) -> Set<String> {
            Set(
                Self.records(out).compactMap { record -> String? in
                    guard let step = record["step"] as? [String: Any], step["step"] as? String == id,
                        step["status"] as? String == "passed"
                    else { return nil }
                    return step["learner"] as? String
                })
        }
        // (A generous limit only so that a learner who failed earlier cannot hang the test.)
        let limit = ContinuousClock.now + .seconds(600)
        while passed("add-note").count < 3, running.isRunning, ContinuousClock.now < limit { try await Task.sleep(for: .milliseconds(100)) }
        #expect(passed("add-note") == Set(learners), "\(Self.records(out).count) records")
        kill(running.pid, SIGINT)
        let outcome = await running.finish()
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 130, "\(outcome.stdout)\(outcome.stderr)")
        let results = try ResultsFile(directory: out)
        for learner in learners {
            #expect(results.steps(of: learner)["up"]?["background"] as? Bool == true)
            let left = await ModuleLab.composeLeftovers(learner)
            #expect(left.isEmpty, "\(learner): \(left)")
            let cleanup = results.learners.first { $0["id"] as? String == learner }?["cleanup"] as? [[String: Any]]
            #expect(cleanup?.first?["status"] as? String == "passed", "the cleanup ran after Ctrl-C")
        }
    }

    @Test("a guided learner who quits while `up` runs in the background: it is stopped; their next run sweeps and cleans up")
    func guidedLearnerQuits() async throws {
        try DockerAvailability.requireLab()
        let learner = ModuleLab.learner("cq")
        let scratch = try RunbookBinary.temporaryDirectory("compose-quit")
        defer {
            ModuleLab.removeCompose([learner])
            try? FileManager.default.removeItem(at: scratch)
        }
        let state = scratch.appendingPathComponent("state")
        let screen = try await TmuxScreen(
            [RunbookBinary.url.path, "guide", ModuleLab.compose.path, "--learner", learner]
                + ["--out", scratch.appendingPathComponent("guided").path] + ModuleLab.composeVars,
            in: scratch, environment: ["XDG_STATE_HOME": state.path, "NO_COLOR": "1"])
        for (index, step) in ["compose", "build", "up"].enumerated() {
            try await screen.waitFor("Step \(index + 1) of 10 · \(step)", timeout: .seconds(240))
            try await screen.send("Enter")
        }
        let shown = try await screen.waitFor("Step 4 of 10 · port", timeout: .seconds(240))
        #expect(shown.contains("running in the background"), "\(shown)")
        #expect(shown.contains("COMPOSE_PROJECT_NAME=\(ModuleLab.project(learner)) docker compose port web 8000"))
        let label = "label=com.docker.compose.project=\(ModuleLab.project(learner))"
        await #expect(
            !DockerAvailability.docker(["ps", "-q", "--filter", label]).isEmpty, "the app runs while the guide is on the next step")
        try await screen.send("q")
        #expect(try await screen.waitForExit(timeout: .seconds(120)) == 0)
        await #expect(DockerAvailability.docker(["ps", "-q", "--filter", label]).isEmpty, "quitting stopped the app as Ctrl-C would")
        await #expect(!DockerAvailability.docker(["ps", "-aq", "--filter", label]).isEmpty, "an unfinished guide removes nothing")
        let out = scratch.appendingPathComponent("run")
        let outcome = try await RunbookBinary.run(
            ["run", ModuleLab.compose.path, "--learner", learner, "--out", out.path] + ModuleLab.composeVars, in: scratch)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        let left = await ModuleLab.composeLeftovers(learner)
        #expect(left.isEmpty, "\(left)")
    }
}
