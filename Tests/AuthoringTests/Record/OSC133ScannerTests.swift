import Testing

@testable import Authoring

/// OSC 133 marks found in a byte stream read in pieces split anywhere.
@Suite("OSC 133 scanner")
struct OSC133ScannerTests {
    /// A session's bytes: prompt, command, output, end, with a colour and an OSC 7 in between.
    static let stream = Array(
        ("\u{1B}]133;A\u{07}$ \u{1B}]133;B\u{07}echo hi\r\n\u{1B}]133;C;cmdline_url=echo%20hi;cwd_url=/tmp;pid=42\u{1B}\\"
            + "\u{1B}[1mhi\u{1B}[0m\r\n\u{1B}]7;file://host/tmp\u{07}\u{1B}]133;D;0;pid=42\u{07}").utf8)

    /// The chunks of `bytes` fed in pieces cut at `cuts`, with adjacent byte chunks joined.
    private func scan(_ bytes: [UInt8], cuts: [Int]) -> [TerminalChunk] {
        var scanner = OSC133Scanner()
        var chunks: [TerminalChunk] = []
        var start = 0
        for cut in cuts + [bytes.count] {
            chunks += scanner.feed(bytes[start..<cut])
            start = cut
        }
        var joined: [TerminalChunk] = []
        for chunk in chunks {
            if case .bytes(let more) = chunk, case .bytes(let earlier)? = joined.last {
                joined[joined.count - 1] = .bytes(earlier + more)
            } else {
                joined.append(chunk)
            }
        }
        return joined
    }

    @Test("the marks, their parameters and the bytes between them, whatever the split (every one- and two-cut split)")
    func splitAnywhere() {
        let whole = scan(Self.stream, cuts: [])
        #expect(
            whole == [
                .mark(.prompt), .bytes(Array("$ ".utf8)), .mark(.commandStart), .bytes(Array("echo hi\r\n".utf8)),
                .mark(.outputStart(parameters: ["cmdline_url": "echo%20hi", "cwd_url": "/tmp", "pid": "42"])),
                .bytes(Array("\u{1B}[1mhi\u{1B}[0m\r\n\u{1B}]7;file://host/tmp\u{07}".utf8)),
                .mark(.commandEnd(status: 0, parameters: ["pid": "42"])),
            ])
        for first in 0...Self.stream.count {
            #expect(scan(Self.stream, cuts: [first]) == whole, "cut at \(first)")
            for second in stride(from: first, through: Self.stream.count, by: 7) {
                #expect(scan(Self.stream, cuts: [first, second]) == whole, "cuts at \(first), \(second)")
            }
        }
        var scanner = OSC133Scanner()
        let oneByOne = Self.stream.flatMap { scanner.feed([$0]) }
        #expect(oneByOne.filter { if case .mark = $0 { true } else { false } }.count == 4)
    }

    @Test("an end mark without a status, an unknown letter and an escape that is no OSC pass as they are")
    func oddMarks() {
        var scanner = OSC133Scanner()
        let chunks = scanner.feed(Array("\u{1B}]133;D\u{07}\u{1B}]133;Z\u{07}\u{1B}[31mx\u{1B}\u{1B}]133;A\u{07}".utf8))
        #expect(
            chunks == [
                .mark(.commandEnd(status: nil, parameters: [:])), .bytes(Array("\u{1B}]133;Z\u{07}\u{1B}[31mx\u{1B}".utf8)), .mark(.prompt),
            ])
    }

    @Test("a sequence that never ends is given up as bytes, not held for ever")
    func runaway() {
        var scanner = OSC133Scanner()
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: OSC133Scanner.longestSequence + 10)
        let chunks = scanner.feed([0x1B, UInt8(ascii: "]")] + body)
        let count = chunks.reduce(0) { total, chunk in if case .bytes(let bytes) = chunk { total + bytes.count } else { total } }
        #expect(count == OSC133Scanner.longestSequence + 12)
    }
}
