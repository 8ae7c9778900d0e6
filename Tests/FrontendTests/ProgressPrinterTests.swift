import Testing
import Workflow

@testable import Frontend

/// What a run prints as it goes, without colour.
@Suite("Progress printer")
struct ProgressPrinterTests {
    @Test("durations: tenths under 10 s, seconds under a minute, then minutes and seconds")
    func durations() {
        #expect(ProgressPrinter.format(seconds: 0.42) == "0.4s")
        #expect(ProgressPrinter.format(seconds: 12.9) == "12s")
        #expect(ProgressPrinter.format(seconds: 65) == "1m05s")
    }

    @Test("a table's last column is cut to the terminal's width; control characters are shown as ^X")
    func table() {
        var table = TableRenderer(headers: ["ID", "COMMAND"])
        table.rows = [["a\u{1B}", "docker run --rm -it ubuntu:24.04 bash -c 'echo hello world'"]]
        let lines = table.render(maxWidth: 20, style: TerminalStyle(enabled: false)).split(separator: "\n")
        #expect(lines == ["ID   COMMAND", "a^[  docker run --r…"])
    }
}
