/// A set of byte values, 256 bits: what one position of a `LineAutomaton` accepts.
struct ByteSet: Hashable, Sendable {
    private var words: SIMD4<UInt64> = .zero

    /// The empty set.
    init() {}

    /// The bytes in `range`.
    init(_ range: ClosedRange<UInt8>) {
        for byte in range { insert(byte) }
    }

    /// The bytes `bytes`.
    init(_ bytes: [UInt8]) {
        for byte in bytes { insert(byte) }
    }

    /// Bytes the automaton decides lines of by itself: printable ASCII and tab. On such lines ICU's
    /// classes (`\d`, `\w`, `\s`, `.`) are plain ASCII classes and no line terminator can occur.
    static let decidable: ByteSet = {
        var set = ByteSet(0x20...0x7E)
        set.insert(0x09)
        return set
    }()

    /// `\d` on decidable bytes.
    static let digits = ByteSet(UInt8(ascii: "0")...UInt8(ascii: "9"))
    /// `\w` on decidable bytes: letters, digits and `_`.
    static let word = ByteSet(UInt8(ascii: "a")...UInt8(ascii: "z"))
        .union(ByteSet(UInt8(ascii: "A")...UInt8(ascii: "Z"))).union(digits).union(ByteSet([UInt8(ascii: "_")]))
    /// `\s` on decidable bytes: space and tab.
    static let space = ByteSet([0x20, 0x09])

    /// Adds a byte.
    mutating func insert(_ byte: UInt8) {
        words[Int(byte >> 6)] |= 1 << UInt64(byte & 63)
    }

    /// Whether `byte` is in the set.
    func contains(_ byte: UInt8) -> Bool {
        words[Int(byte >> 6)] & (1 << UInt64(byte & 63)) != 0
    }

    /// Bytes in either set.
    func union(_ other: ByteSet) -> ByteSet {
        var result = self
        result.words |= other.words
        return result
    }

    /// The decidable bytes not in the set (a negated class or escape, `[^…]`, `\D`).
    var decidableComplement: ByteSet {
        var result = ByteSet()
        result.words = ByteSet.decidable.words & ~words
        return result
    }
}
