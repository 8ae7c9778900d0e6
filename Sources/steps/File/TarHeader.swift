/// One 512-byte header block of a tar archive, as `docker cp CONTAINER:PATH -` writes it.
///
/// Why a reader of our own: the engine streams the file as a tar archive and we need only the
/// first entry's type, size and mode, then its bytes; no library of the offline mirror reads tar,
/// and this much of the format is small. The engine writes POSIX ustar headers, with pax extended
/// headers (typeflag `x`) where ustar cannot hold a value (long names, sizes of 8 GiB and more);
/// GNU long names (`L`, `K`) and base-256 numbers are understood too, as GNU tar would.
///
/// Layout (POSIX.1-2001, ustar): name 0..<100, mode 100..<108, uid, gid, size 124..<136, mtime,
/// chksum 148..<156, typeflag 156, linkname 157..<257, magic 257..<263, version, uname, gname,
/// devmajor, devminor, prefix 345..<500. Numbers are octal text ended by NUL or space, or base-256
/// big-endian when the first byte's high bit is set.
struct TarHeader: Sendable, Hashable {
    /// The size of a header and of every data block.
    static let blockSize = 512

    /// What the entry is.
    enum EntryType: Sendable, Hashable {
        /// A regular file (`0`, NUL, or `7` contiguous).
        case file
        /// A folder (`5`).
        case folder
        /// A symbolic (`2`) or hard (`1`) link.
        case link
        /// A pax extended header for the next entry (`x`).
        case paxExtended
        /// A pax global header (`g`), which applies to every later entry.
        case paxGlobal
        /// A GNU long name (`L`) or long link name (`K`) for the next entry.
        case gnuLongName
        /// A device, FIFO or anything else.
        case other
    }

    /// The entry's name (prefix and name joined).
    var name: String
    /// The permission bits (the engine adds the file type's bits above them: only the low 12 count).
    var mode: UInt32
    /// The size of the data that follows, in bytes.
    var size: Int64
    /// What the entry is.
    var type: EntryType

    /// Reads a header block; nil when `block` is not a valid header (bad checksum or number).
    init?(_ block: [UInt8]) {
        guard block.count == Self.blockSize, Self.checksumHolds(block) else { return nil }
        guard let mode = Self.number(block[100..<108]), let size = Self.number(block[124..<136]), size >= 0 else { return nil }
        self.mode = UInt32(truncatingIfNeeded: mode) & 0o7777
        self.size = size
        let prefix = Self.text(block[345..<500])
        let name = Self.text(block[0..<100])
        let isUstar = block[257..<262].elementsEqual("ustar".utf8)
        self.name = isUstar && !prefix.isEmpty ? prefix + "/" + name : name
        switch block[156] {
        case UInt8(ascii: "0"), 0, UInt8(ascii: "7"): type = .file
        case UInt8(ascii: "5"): type = .folder
        case UInt8(ascii: "1"), UInt8(ascii: "2"): type = .link
        case UInt8(ascii: "x"): type = .paxExtended
        case UInt8(ascii: "g"): type = .paxGlobal
        case UInt8(ascii: "L"), UInt8(ascii: "K"): type = .gnuLongName
        default: type = .other
        }
    }

    /// Whether `block` is all zeros: two of them end an archive.
    static func isEnd(_ block: [UInt8]) -> Bool {
        block.allSatisfy { $0 == 0 }
    }

    /// The number of bytes the data of `size` bytes takes, padded to whole blocks.
    static func padded(_ size: Int64) -> Int64 {
        (size + Int64(blockSize) - 1) / Int64(blockSize) * Int64(blockSize)
    }

    /// The `size` record of a pax extended header's data (`LEN key=value\n` records), if any.
    static func paxSize(_ data: [UInt8]) -> Int64? {
        var index = 0
        var size: Int64?
        while index < data.count {
            guard let space = data[index...].firstIndex(of: 0x20), let length = Int(String(decoding: data[index..<space], as: UTF8.self)),
                length > 0, index + length <= data.count
            else { return size }
            let record = data[(space + 1)..<(index + length)]
            if let equals = record.firstIndex(of: UInt8(ascii: "=")), String(decoding: record[..<equals], as: UTF8.self) == "size" {
                let value = record[(equals + 1)...].prefix { $0 != 0x0A }
                size = Int64(String(decoding: value, as: UTF8.self))
            }
            index += length
        }
        return size
    }

    /// A number field: octal text (spaces and NULs around it), or base-256 when the high bit of its first byte is set.
    static func number(_ field: ArraySlice<UInt8>) -> Int64? {
        guard let first = field.first else { return nil }
        if first & 0x80 != 0 {
            var value: Int64 = Int64(first & 0x3F)
            for byte in field.dropFirst() {
                guard value < Int64.max >> 8 else { return nil }
                value = value << 8 | Int64(byte)
            }
            return first & 0x40 != 0 ? nil : value
        }
        let digits = field.drop { $0 == 0x20 || $0 == 0 }.prefix { $0 != 0x20 && $0 != 0 }
        if digits.isEmpty { return 0 }
        var value: Int64 = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "7"), value < Int64.max >> 3 else { return nil }
            value = value << 3 | Int64(digit - UInt8(ascii: "0"))
        }
        return value
    }

    /// Whether the header's checksum (the sum of its bytes, the checksum field counted as spaces) holds.
    static func checksumHolds(_ block: [UInt8]) -> Bool {
        guard let stored = number(block[148..<156]) else { return false }
        var unsigned: Int64 = 0
        var signed: Int64 = 0
        for (index, byte) in block.enumerated() {
            let value = (148..<156).contains(index) ? 0x20 : byte
            unsigned += Int64(value)
            signed += Int64(Int8(bitPattern: value))
        }
        return stored == unsigned || stored == signed
    }

    /// A NUL-terminated text field.
    private static func text(_ field: ArraySlice<UInt8>) -> String {
        String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
    }
}
