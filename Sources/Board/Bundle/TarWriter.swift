/// Writes a POSIX ustar archive in memory, with owner 0, time 0 and no user names, so that the same
/// files in the same order give the same bytes (a bundle's sha256 stays the same across restarts).
struct TarWriter {
    /// A path that does not fit ustar's 100 + 155 bytes.
    struct PathTooLong: Error, Equatable {
        /// The path.
        var path: String
    }

    /// The archive so far.
    private(set) var bytes: [UInt8] = []

    /// Appends `entry`.
    mutating func add(_ entry: TarEntry) throws(PathTooLong) {
        var header = [UInt8](repeating: 0, count: 512)
        let (prefix, name) = try Self.split(entry.path + (entry.kind == .directory ? "/" : ""))
        Self.put(name, into: &header, at: 0, width: 100)
        Self.putOctal(Int(entry.mode & 0o7777), into: &header, at: 100, width: 8)
        Self.putOctal(0, into: &header, at: 108, width: 8)
        Self.putOctal(0, into: &header, at: 116, width: 8)
        var content: [UInt8] = []
        switch entry.kind {
        case .file(let data):
            content = data
            header[156] = UInt8(ascii: "0")
        case .directory:
            header[156] = UInt8(ascii: "5")
        case .symlink(let target):
            guard target.utf8.count <= 100 else { throw PathTooLong(path: target) }
            header[156] = UInt8(ascii: "2")
            Self.put(target, into: &header, at: 157, width: 100)
        }
        Self.putOctal(content.count, into: &header, at: 124, width: 12)
        Self.putOctal(0, into: &header, at: 136, width: 12)
        Self.put("ustar", into: &header, at: 257, width: 6)
        Self.put("00", into: &header, at: 263, width: 2)
        Self.put(prefix, into: &header, at: 345, width: 155)
        // The checksum is computed with its own field read as eight spaces.
        for index in 148..<156 { header[index] = UInt8(ascii: " ") }
        let sum = header.reduce(0) { $0 + Int($1) }
        Self.putOctal(sum, into: &header, at: 148, width: 7)
        bytes += header
        bytes += content
        bytes += [UInt8](repeating: 0, count: (512 - content.count % 512) % 512)
    }

    /// The archive with its end (two zero blocks).
    func finished() -> [UInt8] {
        bytes + [UInt8](repeating: 0, count: 1024)
    }

    /// ustar keeps a path as prefix (up to 155 bytes) + `/` + name (up to 100 bytes).
    static func split(_ path: String) throws(PathTooLong) -> (prefix: String, name: String) {
        let utf8 = Array(path.utf8)
        if utf8.count <= 100 { return ("", path) }
        // The last `/` (before a trailing one) that leaves a name of at most 100 bytes and a prefix of at most 155.
        for index in stride(from: min(utf8.count - 2, 155), through: 0, by: -1) where utf8[index] == UInt8(ascii: "/") {
            if utf8.count - index - 1 <= 100 {
                return (String(decoding: utf8[..<index], as: UTF8.self), String(decoding: utf8[(index + 1)...], as: UTF8.self))
            }
        }
        throw PathTooLong(path: path)
    }

    /// `text`'s bytes at `offset`, at most `width` (the rest stays zero).
    private static func put(_ text: String, into header: inout [UInt8], at offset: Int, width: Int) {
        for (index, byte) in text.utf8.prefix(width).enumerated() { header[offset + index] = byte }
    }

    /// `value` in octal, zero-padded to `width - 1` digits and a NUL.
    private static func putOctal(_ value: Int, into header: inout [UInt8], at offset: Int, width: Int) {
        let digits = String(value, radix: 8)
        put(String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits, into: &header, at: offset, width: width - 1)
    }
}
