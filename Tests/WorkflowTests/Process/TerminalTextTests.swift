import Testing

@testable import Workflow

/// What a terminal shows of a line (SPEC 6.11, issue 17 item 3).
@Suite struct TerminalTextTests {
    /// What a terminal shows of `text`.
    static func shown(_ text: String) -> String {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { TerminalText.shown($0).map { String(decoding: $0, as: UTF8.self) } ?? text }
    }

    @Test("plain text is shown as it is", arguments: ["marker", "", "a\tb", "é ü 日本"])
    func plain(_ text: String) {
        #expect(Self.shown(text) == text)
    }

    @Test(
        "control sequences are removed, carriage returns and backspaces applied",
        arguments: [
            ("\u{1B}[?2004lmarker", "marker"),
            ("\u{1B}[?2004hroot@c:/# \u{1B}[?2004l", "root@c:/# "),
            ("\u{1B}[1;32mgreen\u{1B}[0m", "green"),
            ("10%\r100%", "100%"),
            ("downloading\rdone", "doneloading"),
            ("downloading\r\u{1B}[Kdone", "done"),
            ("abc\u{8}\u{8}X", "aXc"),
            ("\u{1B}]0;title\u{7}prompt", "prompt"),
            ("\u{1B}(Bplain\u{7}", "plain"),
            ("ab\u{1B}[2Kcd", "  cd"),
        ])
    func interpreted(_ pair: (String, String)) {
        #expect(Self.shown(pair.0) == pair.1)
    }
}
