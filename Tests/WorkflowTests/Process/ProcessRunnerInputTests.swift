import Testing

@testable import Workflow

/// Standard input: /dev/null by default, text through a pipe, no deadlock when unread.
@Suite(.timeLimit(.minutes(1))) struct ProcessRunnerInputTests {
    @Test("stdin is /dev/null unless text is given")
    func devNullByDefault() async {
        let collector = LineCollector()
        let outcome = await ProcessRunner().run(
            ProcessTestSupport.shell("test -t 0 || echo notty; readlink /proc/self/fd/0; cat; echo done"),
            consumer: collector
        )
        #expect(outcome.termination == .exited(0))
        #expect(collector.texts(.stdout) == ["notty", "/dev/null", "done"])
    }

    @Test("text is written to the child's stdin, which is then closed")
    func textInput() async {
        let collector = LineCollector()
        let outcome = await ProcessRunner().run(
            ProcessSpec(
                executable: "cat",
                environment: ProcessTestSupport.environment,
                workingDirectory: "/",
                standardInput: .text("hello\nworld")
            ),
            consumer: collector
        )
        #expect(outcome.termination == .exited(0))
        #expect(collector.texts(.stdout) == ["hello", "world"])
    }

    @Test("4 MiB of input is echoed back whole while output is read at the same time")
    func largeInputRoundTrip() async {
        let text = (0..<400_000).map { "line \($0)\n" }.joined()
        let collector = LineCollector()
        let outcome = await ProcessRunner().run(
            ProcessSpec(executable: "cat", environment: ProcessTestSupport.environment, workingDirectory: "/", standardInput: .text(text)),
            consumer: collector
        )
        #expect(outcome.termination == .exited(0))
        let lines = collector.texts(.stdout)
        #expect(lines.count == 400_000)
        #expect(lines.last == "line 399999")
    }

    @Test("a child that never reads a large input neither deadlocks nor kills the runner (EPIPE)")
    func unreadInput() async {
        let big = String(repeating: "y", count: 8 << 20)
        for script in ["exit 0", "sleep 0.3", "head -c 10; echo"] {
            let collector = LineCollector()
            let (outcome, elapsed) = await ProcessTestSupport.timedRun(
                ProcessTestSupport.shell(script, standardInput: .text(big)),
                consumer: collector
            )
            #expect(outcome.termination == .exited(0), "\(script)")
            #expect(elapsed < .seconds(20), "\(script)")
            if script.hasPrefix("head") { #expect(collector.texts(.stdout) == ["yyyyyyyyyy"]) }
        }
    }
}
