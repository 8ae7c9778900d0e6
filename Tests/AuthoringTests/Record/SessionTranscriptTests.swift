import Testing

@testable import Authoring

/// Commands, outputs and exit statuses out of a terminal's bytes.
@Suite("Session transcript")
struct SessionTranscriptTests {
    private func mark(_ body: String) -> String { "\u{1B}]133;\(body)\u{07}" }

    @Test("the command line from the C mark, the output as the terminal shows it, the status from D, typed lines")
    func commands() {
        var transcript = SessionTranscript(pid: 7)
        let text =
            mark("A") + "$ " + mark("B") + "dockr\u{08}er ps\r\n"
            + mark("C;cmdline_url=docker%20ps%20%7C%20cat;cwd_url=/work/a%20b;pid=7")
            + "50%\r100%\r\nline\r\n" + mark("D;3;pid=7") + mark("A") + "$ "
        var ended: [RecordedCommand] = []
        for byte in text.utf8 { ended += transcript.printed([byte]) }
        #expect(ended == [RecordedCommand(number: 1, text: "docker ps | cat", cwd: "/work/a b", output: ["100%", "line"], exitStatus: 3)])
        _ = transcript.printed(Array(mark("B").utf8))
        transcript.typed(Array("cat\rhello\u{7F}".utf8))  // typed ahead, before the command starts
        _ = transcript.printed(Array(("cat\r\n" + mark("C;pid=7")).utf8))
        #expect(transcript.isRunning)
        transcript.typed(Array("p\rsecond\r\u{04}".utf8))
        let last = transcript.printed(Array(("help\r\nsecond\r\n" + mark("D;0;pid=7")).utf8))
        #expect(last.first?.text == "cat")
        #expect(last.first?.typed == ["hellp", "second"])
        #expect(transcript.commands.count == 2)
    }

    @Test("marks of a nested shell (another pid) are part of the running command; a line with nothing typed is no command")
    func nested() {
        var transcript = SessionTranscript(pid: 7)
        let text =
            mark("C;cmdline_url=bash;pid=7") + mark("C;cmdline_url=ls;pid=9") + "a\r\n" + mark("D;0;pid=9")
            + mark("D;0;pid=7") + mark("C;cmdline_url=;pid=7") + mark("D;0;pid=7")
        let ended = transcript.printed(Array(text.utf8))
        #expect(ended.map(\.text) == ["bash"])
        #expect(ended.first?.output == ["a"])
    }

    @Test("the terminal's view: colours gone, progress redrawn in place, cursor moves, erasures")
    func terminalText() {
        let bytes = Array(
            ("\u{1B}[32mok\u{1B}[0m\r\nlayer 1: 10%\r\nlayer 2: 10%\r\n\u{1B}[2A\u{1B}[2Klayer 1: done\r\n"
                + "\u{1B}[2Klayer 2: done\r\n\tx  \r\n\r\n").utf8)
        #expect(TerminalText.lines(bytes) == ["ok", "layer 1: done", "layer 2: done", "        x"])
        #expect(TerminalText.drawsProgress(bytes))
        #expect(!TerminalText.drawsProgress(Array("\u{1B}[31mred\u{1B}[0m\r\n".utf8)))
        #expect(TerminalText.typedLines(Array("ab\u{1B}[Dc\u{15}xyz\u{08}\r\n\u{1B}[A".utf8)) == ["xy"])
        #expect(PercentEncoding.decode(PercentEncoding.encode("a b;é\u{07}%")) == "a b;é\u{07}%")
        #expect(PercentEncoding.decode("%zz") == nil)
    }

    @Test("at its prompt after B, not while a command runs, with a mark split between two reads (piped keys end there)")
    func atPrompt() {
        var transcript = SessionTranscript(pid: 7)
        _ = transcript.printed(Array((mark("A") + "$ " + mark("B")).utf8))
        #expect(transcript.isAtPrompt)
        _ = transcript.printed(Array((mark("C;cmdline_url=sleep;pid=7")).utf8))
        #expect(!transcript.isAtPrompt, "a command runs: its input is not the shell's")
        let next = Array((mark("D;0;pid=7") + mark("A") + "$ " + mark("B")).utf8)
        _ = transcript.printed(next[..<(next.count - 4)])
        #expect(!transcript.isAtPrompt)
        _ = transcript.printed(next[(next.count - 4)...])
        #expect(transcript.isAtPrompt)
    }
}
