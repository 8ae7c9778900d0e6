import Testing

@testable import Workflow

/// `file:line:col: error: message`, the source line and a caret (SPEC 1.5), safe for a terminal.
@Suite("DiagnosticPrinter")
struct DiagnosticPrinterTests {
    static let file = "printer-test.yaml"

    static func render(_ text: String, _ message: String, line: Int, column: Int) -> [String] {
        let printer = DiagnosticPrinter(sources: [SourceFile(path: file, text: text)])
        let diagnostic = Diagnostic.error(message, at: SourceLocation(file: file, line: line, column: column))
        return printer.render(diagnostic).components(separatedBy: "\n")
    }

    @Test("control characters in the message and the quoted line are shown as ^X, and the caret still lines up")
    func controlCharactersAreVisible() {
        let lines = Self.render("runbook: 1\na\u{07}b: \u{1B}[31mx\n", "unknown key '\u{1B}[31mx' in step\u{07}", line: 2, column: 6)
        #expect(
            lines == [
                "printer-test.yaml:2:6: error: unknown key '^[[31mx' in step^G",
                "a^Gb: ^[[31mx",
                "      ^",
                "",
            ])
        #expect(!lines.joined().unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test("tabs before the caret stay tabs so that it lines up on any tab width")
    func tabsKeepTheirWidth() {
        #expect(Self.render("\tkey: 1\n", "bad", line: 1, column: 2) == ["printer-test.yaml:1:2: error: bad", "\tkey: 1", "\t^", ""])
    }

    @Test("of a long line only about 200 columns around the caret are quoted")
    func longLinesAreCut() throws {
        var line = String(repeating: "abcdefghij", count: 1_000)
        line.replaceSubrange(line.index(line.startIndex, offsetBy: 4_999)...line.index(line.startIndex, offsetBy: 4_999), with: "#")
        let lines = Self.render("runbook: 1\n" + line + "\n", "here", line: 2, column: 5_000)
        let quoted = lines[1]
        #expect(quoted.hasPrefix("…") && quoted.hasSuffix("…"))
        #expect(quoted.count <= DiagnosticPrinter.quotedColumns + 2, "quoted \(quoted.count) characters")
        let caret = try #require(lines[2].firstIndex(of: "^"))
        let offset = lines[2].distance(from: lines[2].startIndex, to: caret)
        #expect(Array(quoted)[offset] == "#", "the caret points at the character at column 5000")
        // At the start of the line nothing is cut before; the caret goes under column 1.
        let atStart = Self.render(line, "start", line: 1, column: 1)
        #expect(atStart[1].hasPrefix("abcdefghij") && atStart[1].hasSuffix("…") && atStart[2] == "^")
        // A caret just past the end of a long line.
        let atEnd = Self.render(line, "end", line: 1, column: 10_001)
        #expect(atEnd[1].hasPrefix("…") && atEnd[1].hasSuffix("hij") && atEnd[2] == String(repeating: " ", count: 201) + "^")
    }

    @Test("source lines are found by number in LF, CRLF and unterminated files")
    func sourceLines() {
        let crlf = SourceFile(path: Self.file, text: "runbook: 1\r\nsteps: []\r\n")
        #expect(crlf.line(1) == "runbook: 1")
        #expect(crlf.line(2) == "steps: []")
        #expect(crlf.line(3) == "")
        #expect(crlf.line(4) == nil)
        #expect(crlf.line(0) == nil)
        let plain = SourceFile(path: Self.file, text: "a\nbé\nc")
        #expect(plain.line(2) == "bé")
        #expect(plain.line(3) == "c")
        #expect(plain.line(4) == nil)
    }

    @Test("many diagnostics on one line each quote it, with the caret in place")
    func manyDiagnosticsOnOneLine() {
        let text = "{" + (0..<300).map { "k\($0): 1" }.joined(separator: ", ") + "}\n"
        let printer = DiagnosticPrinter(sources: [SourceFile(path: Self.file, text: text)])
        var diagnostics: [Diagnostic] = []
        var column = 2
        for index in 0..<300 {
            diagnostics.append(.error("unknown key 'k\(index)'", at: SourceLocation(file: Self.file, line: 1, column: column)))
            column += "k\(index): 1, ".count
        }
        let lines = printer.render(diagnostics).components(separatedBy: "\n")
        #expect(lines.count == 300 * 3 + 1)
        for index in stride(from: 0, to: 300, by: 37) {
            let quoted = Array(lines[index * 3 + 1])
            let caret = lines[index * 3 + 2].count - 1
            #expect(String(quoted[caret..<caret + "k\(index):".count]) == "k\(index):", "diagnostic \(index)")
        }
    }
}
