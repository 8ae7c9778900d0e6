/// Reads a POSIX ustar archive from memory, refusing what a workshop bundle never holds: hard
/// links, devices, extended headers, sizes in base 256, a bad checksum or an archive cut short.
struct TarReader {
    /// Why the archive cannot be read.
    struct Malformed: Error, Equatable {
        /// What is wrong, and where.
        var message: String
    }

    /// Every entry of `archive`, in order.
    static func entries(of archive: [UInt8]) throws(Malformed) -> [TarEntry] {
        var entries: [TarEntry] = []
        var offset = 0
        while offset + 512 <= archive.count {
            let header = Array(archive[offset..<(offset + 512)])
            if header.allSatisfy({ $0 == 0 }) { return entries }
            let stored = octal(header, 148, 8)
            var sum = 0
            for (index, byte) in header.enumerated() { sum += (148..<156).contains(index) ? 32 : Int(byte) }
            guard stored == sum else { throw Malformed(message: "bad checksum in the header at byte \(offset)") }
            let name = text(header, 0, 100)
            let prefix = text(header, 345, 155)
            let path = prefix.isEmpty ? name : prefix + "/" + name
            guard let size = octal(header, 124, 12) else { throw Malformed(message: "\(path): a size this reader does not take") }
            let mode = UInt32(octal(header, 100, 8) ?? 0o644)
            let start = offset + 512
            guard start + size <= archive.count else { throw Malformed(message: "\(path): the archive is cut short") }
            let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
            switch header[156] {
            case 0, UInt8(ascii: "0"), UInt8(ascii: "7"):
                entries.append(TarEntry(path: trimmed, kind: .file(Array(archive[start..<(start + size)])), mode: mode))
            case UInt8(ascii: "5"):
                entries.append(TarEntry(path: trimmed, kind: .directory, mode: mode))
            case UInt8(ascii: "2"):
                entries.append(TarEntry(path: trimmed, kind: .symlink(text(header, 157, 100)), mode: mode))
            case let type:
                throw Malformed(
                    message: "\(path): entries of type '\(Character(Unicode.Scalar(type)))' are not taken (files, folders and links only)")
            }
            offset = start + (size + 511) / 512 * 512
        }
        throw Malformed(message: "the archive is cut short (no end marker)")
    }

    /// A NUL-terminated field as text.
    private static func text(_ header: [UInt8], _ offset: Int, _ width: Int) -> String {
        let field = header[offset..<(offset + width)]
        return String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// An octal field (spaces and NULs around it ignored); nil when it is not octal.
    private static func octal(_ header: [UInt8], _ offset: Int, _ width: Int) -> Int? {
        let digits = header[offset..<(offset + width)].filter { $0 != 0 && $0 != UInt8(ascii: " ") }
        guard !digits.isEmpty else { return 0 }
        guard digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "7")).contains($0) }) else { return nil }
        return Int(String(decoding: digits, as: UTF8.self), radix: 8)
    }
}
