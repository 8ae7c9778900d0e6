/// Parses the part of ICU's regex syntax whose meaning on printable-ASCII lines is plain and
/// certain, for `LineAutomaton`; anything else gives nil and the pattern is left to ICU.
///
/// Understood: literal characters, `\` before punctuation, `.`, `\d \w \s \D \W \S \t`, classes
/// of literals, ranges and those escapes (`[^…]` too), groups `(…)`, `(?:…)` and `(?<name>…)`,
/// `|`, the quantifiers `? * + {n} {n,} {n,m}` (lazy or not: that does not change whether a
/// line matches), `^` first and `$` last in a top-level alternative. Refused: flags, lookaround,
/// back-references, possessive quantifiers, `\b`, `\Q`, `\x…`, `\p{…}`, set operations, nested
/// classes, non-ASCII characters, and anything whose reading in ICU is not obvious (`]` or `}`
/// outside a class, `-` at either end of a class).
struct ByteRegexParser {
    /// One top-level alternative.
    struct Branch {
        /// Starts with `^`: matches only at the line's start.
        var anchoredStart: Bool
        /// Ends with `$`: matches only at the line's end.
        var anchoredEnd: Bool
        /// What it matches.
        var node: ByteRegexNode
    }

    private let bytes: [UInt8]
    private var index = 0

    /// Parses `pattern`; nil when it uses anything outside the understood part.
    static func parse(_ pattern: String) -> [Branch]? {
        guard pattern.utf8.allSatisfy({ ByteSet.decidable.contains($0) }) else { return nil }
        var parser = ByteRegexParser(bytes: Array(pattern.utf8))
        var branches: [Branch] = []
        repeat {
            var branch = Branch(anchoredStart: false, anchoredEnd: false, node: .sequence([]))
            if parser.peek == UInt8(ascii: "^") {
                parser.index += 1
                branch.anchoredStart = true
            }
            guard let node = parser.sequence(topLevel: true) else { return nil }
            branch.node = node
            if parser.peek == UInt8(ascii: "$") {
                parser.index += 1
                branch.anchoredEnd = true
            }
            branches.append(branch)
        } while parser.take(UInt8(ascii: "|"))
        return parser.index == parser.bytes.count ? branches : nil
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }

    /// Alternatives inside a group, up to its `)`.
    private mutating func alternation() -> ByteRegexNode? {
        var parts: [ByteRegexNode] = []
        repeat {
            guard let part = sequence(topLevel: false) else { return nil }
            parts.append(part)
        } while take(UInt8(ascii: "|"))
        return parts.count == 1 ? parts[0] : .alternation(parts)
    }

    /// Quantified atoms up to `|`, `)`, the end, or (at the top level) a final `$`.
    private mutating func sequence(topLevel: Bool) -> ByteRegexNode? {
        var parts: [ByteRegexNode] = []
        while let byte = peek, byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
            if byte == UInt8(ascii: "$") {
                // `$` is understood only as the last thing of a top-level alternative.
                let next = index + 1 < bytes.count ? bytes[index + 1] : nil
                guard topLevel, next == nil || next == UInt8(ascii: "|") else { return nil }
                break
            }
            guard let atom = atom(), let quantified = quantified(atom) else { return nil }
            parts.append(quantified)
        }
        return parts.count == 1 ? parts[0] : .sequence(parts)
    }

    /// One atom: a literal, `.`, an escape, a class or a group.
    private mutating func atom() -> ByteRegexNode? {
        guard let byte = peek else { return nil }
        index += 1
        switch byte {
        case UInt8(ascii: "."): return .set(.decidable)
        case UInt8(ascii: "\\"): return escape().map { .set($0) }
        case UInt8(ascii: "["): return characterClass().map { .set($0) }
        case UInt8(ascii: "("):
            if take(UInt8(ascii: "?")) {
                if take(UInt8(ascii: "<")) {
                    guard groupName() else { return nil }
                } else if !take(UInt8(ascii: ":")) {
                    return nil  // flags, lookaround, atomic groups, comments
                }
            }
            guard let inner = alternation(), take(UInt8(ascii: ")")) else { return nil }
            return inner
        case UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"),
            UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ")"), UInt8(ascii: "|"):
            return nil
        default: return .set(ByteSet([byte]))
        }
    }

    /// Skips a group name (letters and digits, a letter first) and its `>`.
    private mutating func groupName() -> Bool {
        guard let first = peek, Self.isLetter(first) else { return false }
        while let byte = peek, Self.isLetter(byte) || ByteSet.digits.contains(byte) { index += 1 }
        return take(UInt8(ascii: ">"))
    }

    /// The quantifier after `atom`, if any.
    private mutating func quantified(_ atom: ByteRegexNode) -> ByteRegexNode? {
        var low: Int
        var high: Int?
        switch peek {
        case UInt8(ascii: "?"): (low, high) = (0, 1)
        case UInt8(ascii: "*"): (low, high) = (0, nil)
        case UInt8(ascii: "+"): (low, high) = (1, nil)
        case UInt8(ascii: "{"):
            index += 1
            guard let first = number() else { return nil }
            (low, high) = (first, first)
            if take(UInt8(ascii: ",")) { high = number() }
            guard peek == UInt8(ascii: "}"), high.map({ $0 >= low }) ?? true else { return nil }
        default: return atom
        }
        index += 1
        _ = take(UInt8(ascii: "?"))  // lazy: same lines match
        // A possessive `+` changes which lines match, and a second quantifier is an ICU error.
        if let byte = peek, [UInt8(ascii: "+"), UInt8(ascii: "*"), UInt8(ascii: "?"), UInt8(ascii: "{")].contains(byte) { return nil }
        return .repetition(atom, min: low, max: high)
    }

    /// A decimal number of at most 4 digits.
    private mutating func number() -> Int? {
        var value = 0
        var digits = 0
        while let byte = peek, ByteSet.digits.contains(byte), digits < 4 {
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
            index += 1
        }
        return digits > 0 && !(peek.map(ByteSet.digits.contains) ?? false) ? value : nil
    }

    /// The set of an escape after its `\`; nil for escapes not understood.
    private mutating func escape() -> ByteSet? {
        guard let byte = peek else { return nil }
        index += 1
        switch byte {
        case UInt8(ascii: "d"): return .digits
        case UInt8(ascii: "D"): return ByteSet.digits.decidableComplement
        case UInt8(ascii: "w"): return .word
        case UInt8(ascii: "W"): return ByteSet.word.decidableComplement
        case UInt8(ascii: "s"): return .space
        case UInt8(ascii: "S"): return ByteSet.space.decidableComplement
        case UInt8(ascii: "t"): return ByteSet([0x09])
        default:
            // Any other letter or digit means something (or is an error); punctuation is itself.
            if Self.isLetter(byte) || ByteSet.digits.contains(byte) || byte == 0x09 { return nil }
            return ByteSet([byte])
        }
    }

    /// A class after its `[`: literals, ranges of literals and escapes, maybe negated.
    private mutating func characterClass() -> ByteSet? {
        let negated = take(UInt8(ascii: "^"))
        var set = ByteSet()
        var empty = true
        while let byte = peek, byte != UInt8(ascii: "]") {
            index += 1
            empty = false
            switch byte {
            case UInt8(ascii: "\\"):
                // An escape is never a range's end here (`[\--z]` is not obvious).
                guard let escaped = escape(), peek != UInt8(ascii: "-") else { return nil }
                set = set.union(escaped)
                continue
            case UInt8(ascii: "["), UInt8(ascii: "&"), UInt8(ascii: "-"), UInt8(ascii: "^"), UInt8(ascii: "{"), UInt8(ascii: "}"),
                UInt8(ascii: "$"), 0x09:
                return nil  // nested classes, set operations, strings, variables: not obvious
            default: break
            }
            var high = byte
            if take(UInt8(ascii: "-")) {
                guard let end = peek, Self.isLetter(end) || ByteSet.digits.contains(end), end >= byte else { return nil }
                index += 1
                high = end
            }
            set = set.union(ByteSet(byte...high))
        }
        guard !empty, take(UInt8(ascii: "]")) else { return nil }
        return negated ? set.decidableComplement : set
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
