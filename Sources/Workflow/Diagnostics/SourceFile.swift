#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The text of an input file, kept to print the offending line under a diagnostic.
///
/// Where each line starts is indexed once, so that quoting the line of one diagnostic costs
/// the length of that line and not of the file (a file may have thousands of diagnostics).
public struct SourceFile: Sendable {
    /// The path as the user named it.
    public var path: String
    /// The whole text.
    public var text: String {
        didSet { lineStarts = Self.lineStarts(of: text) }
    }
    /// UTF-8 offset of the start of each line; lines are separated by LF.
    private var lineStarts: [UInt32]

    /// Creates a source file from its text.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
        self.lineStarts = Self.lineStarts(of: text)
    }

    /// The number of lines (a final line break starts an empty last line).
    public var lineCount: Int { lineStarts.count }

    /// The 1-based line `number`, without its line break (LF, CRLF, or a CR); nil past the end.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: Int(lineStarts[number - 1]))
        let limit = number < lineStarts.count ? utf8.index(utf8.startIndex, offsetBy: Int(lineStarts[number]) - 1) : utf8.endIndex
        let end = utf8[start..<limit].firstIndex(of: 0x0D) ?? limit
        return text[start..<end]
    }

    /// Offsets after each LF, found with `memchr`; a file over 4 GiB (which nothing loads) is indexed up to there.
    private static func lineStarts(of text: String) -> [UInt32] {
        var starts: [UInt32] = [0]
        var copy = text
        copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            let count = min(bytes.count, Int(UInt32.max))
            var offset = 0
            while offset < count, let found = memchr(base + offset, 0x0A, count - offset) {
                offset = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
                starts.append(UInt32(offset))
            }
        }
        return starts
    }
}
