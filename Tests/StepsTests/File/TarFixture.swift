/// Builds tar archives byte by byte for the reader's tests: ustar headers with a correct
/// checksum, pax and GNU extension headers, base-256 sizes.
enum TarFixture {
    /// One header block for an entry.
    static func header(name: String, mode: Int = 0o644, size: Int, type: Character = "0", base256Size: Bool = false) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: 512)
        put(name, at: 0, in: &block)
        put(octal(mode, width: 8), at: 100, in: &block)
        put(octal(0, width: 8), at: 108, in: &block)
        put(octal(0, width: 8), at: 116, in: &block)
        if base256Size {
            block[124] = 0x80
            var value = size
            for index in stride(from: 135, to: 124, by: -1) {
                block[index] = UInt8(value & 0xFF)
                value >>= 8
            }
        } else {
            put(octal(size, width: 12), at: 124, in: &block)
        }
        put(octal(0, width: 12), at: 136, in: &block)
        block[156] = UInt8(ascii: type.unicodeScalars.first!)
        put("ustar\u{0}00", at: 257, in: &block)
        for index in 148..<156 { block[index] = 0x20 }
        let sum = block.reduce(0) { $0 + Int($1) }
        put(octal(sum, width: 7), at: 148, in: &block)
        return block
    }

    /// `data` padded with zeros to whole blocks.
    static func padded(_ data: [UInt8]) -> [UInt8] {
        data + [UInt8](repeating: 0, count: (512 - data.count % 512) % 512)
    }

    /// A pax record `LEN key=value\n`.
    static func paxRecord(_ key: String, _ value: String) -> [UInt8] {
        let body = " \(key)=\(value)\n"
        var length = body.utf8.count + 1
        while String(length).utf8.count + body.utf8.count != length { length += 1 }
        return Array("\(length)\(body)".utf8)
    }

    /// An archive with one regular file holding `content`, then the two end blocks.
    static func archive(name: String = "f.txt", mode: Int = 0o644, content: [UInt8], type: Character = "0") -> [UInt8] {
        header(name: name, mode: mode, size: content.count, type: type) + padded(content) + [UInt8](repeating: 0, count: 1024)
    }

    private static func octal(_ value: Int, width: Int) -> String {
        let digits = String(value, radix: 8)
        return String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits
    }

    private static func put(_ text: String, at offset: Int, in block: inout [UInt8]) {
        for (index, byte) in text.utf8.enumerated() { block[offset + index] = byte }
    }
}
