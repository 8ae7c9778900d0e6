import Testing

@testable import Workflow

/// Runs under a pseudo-terminal: tty on 0/1/2, 80x24, echo off, controlling terminal, drain.
@Suite(.timeLimit(.minutes(1))) struct ProcessRunnerTerminalTests {
    /// Runs `script` under a terminal and returns the outcome and the collector.
    private func runInTerminal(_ script: String, input: StandardInput = .null) async -> (ProcessOutcome, LineCollector) {
        let collector = LineCollector()
        let outcome = await ProcessRunner().run(
            ProcessTestSupport.shell(script, standardInput: input, terminal: true),
            consumer: collector
        )
        return (outcome, collector)
    }

    @Test("descriptors 0, 1 and 2 are a terminal of 24 rows by 80 columns")
    func isATerminal() async {
        let (outcome, collector) = await runInTerminal("test -t 0 && test -t 1 && test -t 2 && echo tty; stty size")
        #expect(outcome.termination == .exited(0))
        #expect(collector.texts(.stdout) == ["tty", "24 80"])
        #expect(collector.texts(.stderr).isEmpty)
    }

    @Test("echo is off")
    func echoOff() async {
        let (_, collector) = await runInTerminal("stty -a")
        let words = collector.texts(.stdout).flatMap { $0.split(whereSeparator: { $0 == " " || $0 == ";" }) }
        #expect(words.contains("-echo"))
        #expect(!words.contains("echo"))
    }

    @Test("the terminal is the controlling terminal of a new session led by the child")
    func controllingTerminal() async {
        let (outcome, collector) = await runInTerminal(#"exec 3</dev/tty && echo ctty; cut -d' ' -f6 /proc/$$/stat"#)
        #expect(collector.texts(.stdout) == ["ctty", "\(outcome.pid ?? -1)"])
    }

    @Test("stderr arrives as stdout")
    func stderrIsStdout() async {
        let (_, collector) = await runInTerminal("echo out; echo err >&2")
        #expect(collector.texts(.stdout) == ["out", "err"])
        #expect(collector.texts(.stderr).isEmpty)
    }

    @Test("input text is typed into the terminal (and not echoed)")
    func typedInput() async {
        let (outcome, collector) = await runInTerminal(#"read answer; echo "got $answer""#, input: .text("hi\n"))
        #expect(outcome.termination == .exited(0))
        #expect(collector.texts(.stdout) == ["got hi"])
    }

    @Test("all output is read after the child exits (EIO ends the stream)")
    func drainsAfterExit() async {
        let (outcome, collector) = await runInTerminal(#"i=0; while [ $i -lt 5000 ]; do echo "line $i"; i=$((i+1)); done"#)
        #expect(outcome.termination == .exited(0))
        let lines = collector.texts(.stdout)
        #expect(lines.count == 5000)
        #expect(lines.last == "line 4999")
    }
}
