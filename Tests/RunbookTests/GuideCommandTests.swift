import Foundation
import Testing

/// `runbook guide` end to end, as a learner sees it: the built binary in an 80×24 tmux terminal,
/// keys sent with send-keys, screens read with capture-pane (issue 6).
@Suite("runbook guide", .serialized, .enabled(if: TmuxScreen.isAvailable || DockerAvailability.inCI, "needs tmux"))
struct GuideCommandTests {
    static let fixture = RunbookBinary.fixtures.appendingPathComponent("guide/guide.yaml")

    /// A scratch folder with its own XDG_STATE_HOME, and the guide started in tmux.
    struct Session {
        let scratch: URL
        let state: URL
        let screen: TmuxScreen

        /// Starts `runbook guide` on the fixture; `extra` are more arguments.
        init(scratch: URL, results: String, extra: [String] = []) async throws {
            self.scratch = scratch
            state = scratch.appendingPathComponent("state")
            screen = try await TmuxScreen(
                [
                    RunbookBinary.url.path, "guide", GuideCommandTests.fixture.path, "--var", "dir=\(scratch.path)", "--out",
                    scratch.appendingPathComponent(results).path,
                ] + extra,
                in: scratch, environment: ["XDG_STATE_HOME": state.path, "NO_COLOR": "1"])
        }
    }

    @Test("run a step, check one done by hand, fail one with its hint, quit, and resume at the right step")
    func runCheckFailQuitResume() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("guide")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let first = try await Session(scratch: scratch, results: "results-1")

        // Step 1: its card (title, rendered markdown, the exact command), then Enter runs it.
        var screen = try await first.screen.waitFor("Step 1 of 4 · hello", "Enter run it")
        #expect(screen.contains("Say hello"))
        #expect(screen.contains("Greetings"), "the heading is rendered")
        #expect(
            screen.contains("  Print a greeting with `echo`. This step is important: the last step uses what\n  it prints."),
            "inline markup is rendered, the paragraph rewrapped:\n\(screen)")
        #expect(screen.contains("  • it runs on your machine"), "a bullet list")
        #expect(screen.contains("    echo \"hello you\""), "a fenced code block, indented")
        #expect(screen.contains("  $ echo 'hello local'"), "the command substituted and shell-quoted")
        #expect(!screen.contains("**"), "no raw markdown")
        #expect(screen.split(separator: "\n").allSatisfy { $0.count <= 80 })
        try await first.screen.send("Enter")
        screen = try await first.screen.waitFor("✓ Passed", "Step 2 of 4 · make-file", "c I ran it, check")
        #expect(screen.contains("│ hello local"), "the output streamed")
        #expect(screen.contains("captured greeting = hello local"))

        // Step 2: the learner makes the file by hand, then `c` runs the probe.
        #expect(screen.contains("$ touch \(scratch.path)/marker"))
        #expect(screen.contains("c I ran it, check"))
        #expect(FileManager.default.createFile(atPath: scratch.appendingPathComponent("marker").path, contents: Data()))
        try await first.screen.send("c")
        screen = try await first.screen.waitFor("✓ Done: the check passed", "Step 3 of 4 · broken")

        // Step 3 fails: ✗, the reason, the offending output line, the hint.
        try await first.screen.send("Enter")
        screen = try await first.screen.waitFor("✗ Failed", "hint: Look for the right answer.", "Enter/r run it again")
        #expect(screen.contains("stdout: contains: no line of stdout contains \"the right answer\""))
        #expect(screen.contains("1 │ the wrong answer"), "the relevant output line:\n\(screen)")
        #expect(screen.contains("Enter/r run it again"))

        // q saves and quits; the summary shows each step's status.
        try await first.screen.send("q")
        screen = try await first.screen.waitFor("EXIT=")
        #expect(screen.contains("resumes at step 3 (broken)"))
        #expect(screen.contains("✓ hello"))
        #expect(screen.contains("✓ make-file"))
        #expect(screen.contains("✗ broken"))
        #expect(try await first.screen.waitForExit() == 1, "a step failed")
        let stateFiles = try FileManager.default.subpathsOfDirectory(atPath: first.state.path).filter { $0.hasSuffix("/local.json") }
        #expect(stateFiles.count == 1, "one state file: runbook/<sha256>/local.json: \(stateFiles)")
        let results = try ResultsFile(directory: scratch.appendingPathComponent("results-1"))
        #expect(results.json["command"] as? String == "guide")
        #expect(results.statuses() == ["hello": "passed", "make-file": "passed", "broken": "failed"], "last was never reached: not run")
        #expect(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("results-1/report.md").path))

        // A second guide resumes at the first step not passed, with the capture restored.
        let second = try await Session(scratch: scratch, results: "results-2")
        screen = try await second.screen.waitFor("Resuming at step 3 of 4 (broken); 2 done.", "Step 3 of 4 · broken")
        try await second.screen.send("s")
        screen = try await second.screen.waitFor("Step 4 of 4 · last")
        #expect(screen.contains("$ echo 'hello local'"), "the capture of an earlier session is used")
        try await second.screen.send("Enter")
        screen = try await second.screen.waitFor("EXIT=")
        #expect(screen.contains("1 step is not done yet: broken."))
        #expect(try await second.screen.waitForExit() == 0, "skipped steps do not fail the guide")
        let resumed = try ResultsFile(directory: scratch.appendingPathComponent("results-2"))
        #expect(resumed.statuses() == ["hello": "passed", "make-file": "passed", "broken": "skipped", "last": "passed"])
    }

    @Test("Ctrl-C stops a running step; a second Ctrl-C saves and quits with 130")
    func interrupt() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("guide-interrupt")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let runbook = scratch.appendingPathComponent("slow.yaml")
        try """
        runbook: 1
        steps:
          - id: slow
            title: Count slowly
            sh: for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do echo "tick $i"; sleep 1; done
            expect:
              stdout: { contains: "tick 20" }
        """.write(to: runbook, atomically: true, encoding: .utf8)
        let screen = try await TmuxScreen(
            [RunbookBinary.url.path, "guide", runbook.path, "--out", scratch.appendingPathComponent("results").path], in: scratch,
            environment: ["XDG_STATE_HOME": scratch.appendingPathComponent("state").path, "NO_COLOR": "1"])
        try await screen.waitFor("Step 1 of 1 · slow")
        try await screen.send("Enter")
        try await screen.waitFor("│ tick 1")
        try await screen.send("C-c")
        let stopped = try await screen.waitFor("◌ Stopped", "Enter/r run it again")
        #expect(!stopped.contains("tick 20"))
        #expect(!stopped.contains("EXIT="), "the first Ctrl-C only stops the step")
        try await screen.send("C-c")
        #expect(try await screen.waitForExit() == 130)
        let results = try ResultsFile(directory: scratch.appendingPathComponent("results"))
        #expect(results.statuses() == ["slow": "interrupted"])
        #expect(results.json["interrupted"] as? Bool == true)
    }

    @Test("a tty step gets the learner's keys")
    func keysReachTerminalSteps() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("guide-tty")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let runbook = scratch.appendingPathComponent("tty.yaml")
        try """
        runbook: 1
        steps:
          - id: ask
            title: Answer a question
            exec: [sh, -c, 'test -t 0 && echo "your name?"; read name; echo "hello $name"']
            tty: true
            expect:
              stdout: { contains: "hello ada" }
        """.write(to: runbook, atomically: true, encoding: .utf8)
        let screen = try await TmuxScreen(
            [RunbookBinary.url.path, "guide", runbook.path, "--out", scratch.appendingPathComponent("results").path], in: scratch,
            environment: ["XDG_STATE_HOME": scratch.appendingPathComponent("state").path, "NO_COLOR": "1"])
        try await screen.waitFor("Step 1 of 1 · ask")
        try await screen.send("Enter")
        try await screen.waitFor("│ your name?")
        try await screen.type("ada")
        try await screen.send("Enter")
        let done = try await screen.waitFor("│ hello ada", "✓ Passed")
        #expect(done.contains("what you type goes to it"))
        #expect(try await screen.waitForExit() == 0)
    }

    @Test("a changed runbook is detected and the learner asked whether to start over")
    func changedRunbook() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("guide-changed")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let copy = scratch.appendingPathComponent("guide.yaml")
        try FileManager.default.copyItem(at: Self.fixture, to: copy)
        func start(_ results: String) async throws -> TmuxScreen {
            try await TmuxScreen(
                [
                    RunbookBinary.url.path, "guide", copy.path, "--var", "dir=\(scratch.path)", "--out",
                    scratch.appendingPathComponent(results).path,
                ],
                in: scratch, environment: ["XDG_STATE_HOME": scratch.appendingPathComponent("state").path, "NO_COLOR": "1"])
        }
        let first = try await start("results-1")
        try await first.waitFor("Step 1 of 4 · hello")
        try await first.send("Enter")
        try await first.waitFor("Step 2 of 4 · make-file")
        try await first.send("q")
        #expect(try await first.waitForExit() == 0)

        try (String(contentsOf: copy, encoding: .utf8) + "# an edit\n").write(to: copy, atomically: true, encoding: .utf8)
        let second = try await start("results-2")
        try await second.waitFor("The runbook changed since your last session", "Start over?")
        try await second.send("n")
        try await second.waitFor("Resuming at step 2 of 4 (make-file); 1 done.")
        try await second.send("q")
        #expect(try await second.waitForExit() == 0)
        let folders = try FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent("state/runbook").path)
        #expect(folders.count == 1, "the progress moved to the new version's state: \(folders)")

        try (String(contentsOf: copy, encoding: .utf8) + "# another edit\n").write(to: copy, atomically: true, encoding: .utf8)
        let third = try await start("results-3")
        try await third.waitFor("Start over?")
        try await third.send("y")
        try await third.waitFor("Starting over.", "Step 1 of 4 · hello")
        try await third.send("q")
        #expect(try await third.waitForExit() == 0)
    }

    @Test("a second guide for the same learner and runbook says another one is running, instead of losing its choices")
    func secondGuideIsRefused() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("guide-lock")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let first = try await Session(scratch: scratch, results: "results-1")
        try await first.screen.waitFor("Step 1 of 4 · hello")
        let second = try await Session(scratch: scratch, results: "results-2")
        // `runbook: error: ` first: the message wraps at 80 columns after "learner local".
        let screen = try await second.screen.waitFor("runbook: error: another `runbook guide` is running for learner local")
        #expect(screen.contains("pid"))
        #expect(try await second.screen.waitForExit() == 2)
        try await first.screen.send("q")
        #expect(try await first.screen.waitForExit() == 0)
        let third = try await Session(scratch: scratch, results: "results-3")
        try await third.screen.waitFor("Step 1 of 4 · hello")
        try await third.screen.send("q")
        #expect(try await third.screen.waitForExit() == 0)
    }

    @Test("without a terminal it refuses and points to runbook run")
    func refusesWithoutTerminal() async throws {
        let outcome = try await SelftestCommandTests.run(["guide", Self.fixture.path, "--var", "dir=/tmp"], in: RunbookBinary.fixtures)
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("needs a terminal"))
        #expect(outcome.stderr.contains("runbook run"))
    }
}
