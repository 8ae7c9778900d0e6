#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A byte string searched for in raw output lines, with its bytes kept at a stable address.
///
/// Searching works on the line's raw buffer (no `String`): `memchr` finds the literal's rarest
/// byte (by a fixed table of how common bytes are in program output) and `memcmp` checks the
/// rest (glibc's `memmem` is not exported to Swift); or, for a
/// case-insensitive literal, with an ASCII case-folding scan (only valid on ASCII lines; the
/// caller checks that, see `LinePrefilter`).
///
/// A trivial value (no reference counting on the per-line path): its owner allocates it with
/// `init` and frees it with `deallocate()` exactly once.
struct ByteLiteral: @unchecked Sendable {
    /// The bytes (lowercased when `caseInsensitive`).
    let bytes: UnsafeMutableRawBufferPointer
    /// True when ASCII letters match either case.
    let caseInsensitive: Bool
    /// The first byte in lower and upper case (equal for a non-letter).
    private let firstLower: UInt8
    private let firstUpper: UInt8

    /// Creates a literal; with `caseInsensitive` ASCII letters are folded to lower case.
    init(_ source: [UInt8], caseInsensitive: Bool = false) {
        bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: max(source.count, 1), alignment: 1)
        self.caseInsensitive = caseInsensitive
        for (index, byte) in source.enumerated() { bytes[index] = caseInsensitive ? Self.fold(byte) : byte }
        let first = source.first.map { caseInsensitive ? Self.fold($0) : $0 } ?? 0
        firstLower = first
        firstUpper = caseInsensitive && first >= 0x61 && first <= 0x7A ? first - 0x20 : first
        count = source.count
        var rarest = 0
        for index in source.indices where Self.commonness(source[index]) < Self.commonness(source[rarest]) { rarest = index }
        anchorOffset = rarest
        anchorByte = source.isEmpty ? 0 : source[rarest]
    }

    /// Offset of the byte searched for with `memchr`, and that byte.
    private let anchorOffset: Int
    private let anchorByte: UInt8

    /// How common a byte is in typical program output (higher: more common).
    static func commonness(_ byte: UInt8) -> Int {
        switch byte {
        case 0x20: 100
        case UInt8(ascii: "e"): 90
        case UInt8(ascii: "t"), UInt8(ascii: "a"), UInt8(ascii: "o"), UInt8(ascii: "i"), UInt8(ascii: "n"): 80
        case UInt8(ascii: "s"), UInt8(ascii: "r"), UInt8(ascii: "h"), UInt8(ascii: "l"), UInt8(ascii: "d"): 70
        case UInt8(ascii: "0")...UInt8(ascii: "9"): 60
        case UInt8(ascii: "a")...UInt8(ascii: "z"): 50
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "-"), UInt8(ascii: "/"),
            UInt8(ascii: "_"):
            45
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): 30
        case 0x80...: 25
        default: 20
        }
    }

    /// Frees the bytes; the literal must not be used afterwards.
    func deallocate() { bytes.deallocate() }

    /// Number of bytes.
    let count: Int

    /// ASCII lower case of `byte`.
    @inline(__always)
    static func fold(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

    /// True when `line` contains the literal.
    @inline(__always)
    func occurs(in line: UnsafeRawBufferPointer) -> Bool {
        caseInsensitive ? occursFolded(in: line) : occursExactly(in: line)
    }

    /// True when `line` starts with the literal.
    @inline(__always)
    func isPrefix(of line: UnsafeRawBufferPointer) -> Bool {
        guard line.count >= count else { return false }
        if count == 0 { return true }
        guard let base = line.baseAddress else { return false }
        if !caseInsensitive { return memcmp(base, bytes.baseAddress!, count) == 0 }
        for index in 0..<count where Self.fold(line[index]) != bytes[index] { return false }
        return true
    }

    /// Byte-exact search: `memchr` for the rarest byte, then `memcmp` around it.
    @inline(__always)
    func occursExactly(in line: UnsafeRawBufferPointer) -> Bool {
        if count == 0 { return true }
        guard line.count >= count, let base = line.baseAddress else { return false }
        let needle = UnsafeRawPointer(bytes.baseAddress!)
        // Candidate positions of the rarest byte lie in [anchorOffset, line.count - count + anchorOffset].
        var from = anchorOffset
        let last = line.count - count + anchorOffset
        while from <= last {
            guard let found = memchr(base + from, Int32(anchorByte), last - from + 1) else { return false }
            let position = UnsafeRawPointer(found) - base
            if memcmp(base + position - anchorOffset, needle, count) == 0 { return true }
            from = position + 1
        }
        return false
    }

    /// ASCII case-folding search: candidates by `memchr` on both cases of the first byte.
    func occursFolded(in line: UnsafeRawBufferPointer) -> Bool {
        if count == 0 { return true }
        guard line.count >= count, let base = line.baseAddress else { return false }
        let last = line.count - count  // last possible start
        var start = 0
        var nextLower = -1  // cached candidate positions (-1: not searched, Int.max: none)
        var nextUpper = firstLower == firstUpper ? Int.max : -1
        while start <= last {
            if nextLower != Int.max && nextLower < start {
                nextLower = memchr(base + start, Int32(firstLower), last - start + 1).map { UnsafeRawPointer($0) - base } ?? Int.max
            }
            if nextUpper != Int.max && nextUpper < start {
                nextUpper = memchr(base + start, Int32(firstUpper), last - start + 1).map { UnsafeRawPointer($0) - base } ?? Int.max
            }
            let position = min(nextLower, nextUpper)
            if position == Int.max { return false }
            var index = 1
            while index < count, Self.fold(line[position + index]) == bytes[index] { index += 1 }
            if index == count { return true }
            start = position + 1
        }
        return false
    }

    /// True when every byte of `line` is ASCII (checked a word at a time).
    static func isASCII(_ line: UnsafeRawBufferPointer) -> Bool {
        guard let base = line.baseAddress else { return true }
        let count = line.count
        var index = 0
        var accumulated: UInt64 = 0
        while index + 8 <= count {
            accumulated |= base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < count {
            accumulated |= UInt64(base.load(fromByteOffset: index, as: UInt8.self))
            index += 1
        }
        return accumulated & 0x8080_8080_8080_8080 == 0
    }
}
