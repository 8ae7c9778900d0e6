#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The text of an input file, kept to print the offending line under a diagnostic.
///
/// It keeps the file's bytes as read (an array shared with the loader, not a copy) and where
/// each line starts, indexed once: quoting the line of one diagnostic then costs the length of
/// that line, not of the file (a file may have thousands of diagnostics). Lines are decoded
/// when asked for, invalid UTF-8 repaired to U+FFFD.
public struct SourceFile: Sendable {
    /// The path as the user named it.
    public var path: String
    /// The raw bytes.
    private(set) var bytes: [UInt8]
    /// UTF-8 offset of the start of each line; lines are separated by LF.
    private var lineStarts: [UInt32]

    /// Creates a source file from its text.
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// Creates a source file from the bytes read from `path`.
    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.lineStarts = Self.lineStarts(of: bytes)
    }

    /// The whole text (invalid UTF-8 repaired); decoded on each use.
    public var text: String {
        get { String(decoding: bytes, as: UTF8.self) }
        set {
            bytes = Array(newValue.utf8)
            lineStarts = Self.lineStarts(of: bytes)
        }
    }

    /// The number of lines (a final line break starts an empty last line).
    public var lineCount: Int { lineStarts.count }

    /// The 1-based line `number`, without its line break (LF, CRLF, or a CR); nil past the end.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = Int(lineStarts[number - 1])
        let limit = number < lineStarts.count ? Int(lineStarts[number]) - 1 : bytes.count
        let end = bytes[start..<limit].firstIndex(of: 0x0D) ?? limit
        return Substring(String(decoding: bytes[start..<end], as: UTF8.self))
    }

    /// Offsets after each LF, found with `memchr`; a file over 4 GiB (which nothing loads) is indexed up to there.
    private static func lineStarts(of bytes: [UInt8]) -> [UInt32] {
        var starts: [UInt32] = [0]
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = min(buffer.count, Int(UInt32.max))
            var offset = 0
            while offset < count, let found = memchr(base + offset, 0x0A, count - offset) {
                offset = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
                starts.append(UInt32(offset))
            }
        }
        return starts
    }
}
