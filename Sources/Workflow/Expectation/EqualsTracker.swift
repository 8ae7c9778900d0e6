#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decides `equals` on a stream without keeping the stream: trailing whitespace is trimmed on
/// both sides, so the stream (its lines each followed by LF) must start with the trimmed expected
/// text and continue with whitespace only.
///
/// Each line is compared with the expected bytes at the current position as it arrives; what is
/// kept is the expected text, a position, and a handful of quoted lines once it diverged.
struct EqualsTracker {
    /// How the stream diverged from the expected text.
    enum Divergence: Equatable {
        /// A line differs from the expected line with the same number.
        case differs
        /// Text that is not whitespace came after the whole expected text.
        case extra
    }

    /// The expected text, trailing whitespace trimmed.
    let expected: [UInt8]
    /// Bytes of the stream compared so far.
    private var position = 0
    /// The stream's lines so far.
    private var lineNumber = 0
    /// Set at the first divergence.
    private(set) var divergence: Divergence?
    /// The diverging line and a few after it.
    private(set) var quoted: [NumberedLine] = []
    /// Line number of the divergence.
    private var divergenceLine = 0
    /// Lines quoted after a divergence.
    static let quotedLines = 3

    /// Creates a tracker for `expected` (its trailing whitespace is ignored).
    init(expected: String) {
        var bytes = Array(expected.utf8)
        while let last = bytes.last, Self.isWhitespace(last) { bytes.removeLast() }
        self.expected = bytes
    }

    /// ASCII whitespace: space, tab, LF, VT, FF, CR.
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    /// Compares the next line of the stream.
    @inline(__always)
    mutating func consume(_ line: UnsafeRawBufferPointer) {
        lineNumber += 1
        if divergence != nil {
            if quoted.count < Self.quotedLines { quoted.append(NumberedLine(number: lineNumber, text: LineText.display(line))) }
            return
        }
        let remaining = expected.count - position
        if remaining <= 0 {
            if !Self.allWhitespace(line) { diverge(.extra, line) }
            return
        }
        let compared = min(remaining, line.count)
        if compared > 0 {
            let equal = expected.withUnsafeBytes { memcmp($0.baseAddress! + position, line.baseAddress!, compared) == 0 }
            if !equal { return diverge(.differs, line) }
        }
        position += compared
        if compared < line.count {
            // The expected text ended inside this line: the rest must be whitespace.
            if !Self.allWhitespace(UnsafeRawBufferPointer(rebasing: line[compared...])) { diverge(.extra, line) }
            return
        }
        if position < expected.count {
            if expected[position] != 0x0A { return diverge(.differs, line) }  // the expected line goes on
            position += 1
        }
    }

    private static func allWhitespace(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for byte in bytes where !isWhitespace(byte) { return false }
        return true
    }

    private mutating func diverge(_ kind: Divergence, _ line: UnsafeRawBufferPointer) {
        divergence = kind
        divergenceLine = lineNumber
        quoted.append(NumberedLine(number: lineNumber, text: LineText.display(line)))
    }

    /// True when the stream so far, trimmed, equals the expected text.
    var isEqual: Bool { divergence == nil && position >= expected.count }

    /// The expected line numbered `number` (1-based), cut for display; nil past the end.
    func expectedLine(_ number: Int) -> String? {
        let lines = expected.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard number >= 1, number <= lines.count else { return nil }
        return lines[number - 1].withUnsafeBytes { LineText.display($0) }
    }

    /// One sentence explaining the difference, for `stream`; nil when equal.
    func explanation(stream: StreamSelector) -> String? {
        switch divergence {
        case .differs:
            if let line = expectedLine(divergenceLine) {
                return "\(stream.rawValue) differs from the expected text at line \(divergenceLine): expected \"\(line)\""
            }
            return "\(stream.rawValue) differs from the expected text at line \(divergenceLine)"
        case .extra:
            return "\(stream.rawValue) goes on after the expected text, from line \(divergenceLine)"
        case nil:
            if position >= expected.count { return nil }
            let missingLine = expected[..<position].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let text = expectedLine(missingLine).map { ": expected \"\($0)\"" } ?? ""
            return lineNumber == 0 ? "\(stream.rawValue) is empty\(text)" : "\(stream.rawValue) ended after line \(lineNumber)\(text)"
        }
    }

    /// Bytes held besides the expected text (for tests of the memory bound).
    var storedBytes: Int { quoted.reduce(0) { $0 + $1.text.utf8.count } }
}
