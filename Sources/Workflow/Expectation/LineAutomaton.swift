/// Decides on a line's raw bytes whether an ICU regex matches it, without ICU, when it can.
///
/// For the patterns `ByteRegexParser` understands, and on lines of printable ASCII and tabs,
/// ICU's meaning is plain: its classes are ASCII classes and no line terminator can occur. The
/// pattern becomes a position automaton (Glushkov: one position per byte set, no ε moves) that
/// is turned into a DFA lazily, one transition the first time it is needed, in a table of 16-bit
/// state numbers indexed by state and byte; a line then costs one table load per byte and stops
/// at the first match. Only whether a line matches is decided here (lazy and greedy quantifiers
/// agree on that); the groups of a matching line still come from ICU.
///
/// A line with any other byte (non-ASCII, a control character) is `undecided` and goes to ICU,
/// unless the answer was known before that byte. Not thread-safe: the table grows as lines are
/// seen; each `LinePattern` has its own automaton and a step's lines are fed one at a time.
final class LineAutomaton: @unchecked Sendable {
    /// The answer for one line.
    enum Verdict { case match, noMatch, undecided }

    /// The most positions (byte sets after unrolling `{n,m}`): longer patterns are left to ICU.
    static let maximumPositions = 256
    /// The most DFA states kept; past that, lines go to ICU.
    static let maximumStates = 1024

    private typealias Positions = SIMD4<UInt64>
    private static let unknown: Int16 = -1, accept: Int16 = -2, dead: Int16 = -3, bail: Int16 = -4

    /// Positions each byte may be matched at.
    private var positionsOfByte = [Positions](repeating: .zero, count: 256)
    /// Positions that may follow each position.
    private var follow: [Positions] = []
    /// Positions a match may start at on the first byte, and later (unanchored alternatives only).
    private var firstAtStart = Positions.zero
    private var firstLater = Positions.zero
    /// Positions a match may end at anywhere, and only at the line's end (`$`).
    private var lastAnywhere = Positions.zero
    private var lastAtEnd = Positions.zero
    /// Every line matches (an alternative matches the empty string wherever it may start).
    private var matchesEverything = false
    /// An empty line matches.
    private var matchesEmptyLine = false

    /// DFA states: the set of positions just matched; state 0 is the start, before any byte.
    private var states: [Positions] = [.zero]
    private var stateNumbers: [Positions: Int16] = [:]
    /// The candidates after each state: follow sets and restarts (computed with the state).
    private var candidates: [Positions] = []
    private var endAccepts: [Bool] = [false]
    /// The transition table, 256 entries per state.
    private var table: UnsafeMutablePointer<Int16>
    private var capacity: Int
    /// No more room for states: every line is left to ICU from now on.
    private var exhausted = false

    /// The automaton of `pattern`, or nil when the pattern is outside what it understands.
    init?(pattern: String) {
        guard let branches = ByteRegexParser.parse(pattern),
            branches.reduce(0, { $0 + $1.node.positionCount }) <= Self.maximumPositions
        else { return nil }
        capacity = 16
        table = .allocate(capacity: capacity * 256)
        for branch in branches {
            let (nullable, first, last) = build(branch.node)
            firstAtStart |= first
            if !branch.anchoredStart { firstLater |= first }
            if branch.anchoredEnd { lastAtEnd |= last } else { lastAnywhere |= last }
            matchesEmptyLine = matchesEmptyLine || nullable
            // An empty match is possible at the start (or anywhere) unless `$` also needs the end.
            if nullable && (!branch.anchoredEnd || !branch.anchoredStart) { matchesEverything = true }
        }
        candidates = [firstAtStart]
        fillRow(0)
        stateNumbers[.zero] = nil
    }

    deinit { table.deallocate() }

    /// Whether the pattern matches somewhere in `line`, or `undecided` when ICU must say.
    func verdict(_ line: UnsafeRawBufferPointer) -> Verdict {
        if matchesEverything { return .match }
        guard let base = line.baseAddress, line.count > 0 else { return matchesEmptyLine ? .match : .noMatch }
        if exhausted { return .undecided }
        var state = 0
        var table = self.table  // a local copy: the loop then loads no property
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        for offset in 0..<line.count {
            let byte = Int(bytes[offset])
            var next = table[state &<< 8 | byte]
            if next < 0 {
                if next == Self.unknown {
                    next = transition(from: state, on: byte)
                    table = self.table  // it may have grown
                }
                switch next {
                case Self.accept: return .match
                case Self.dead: return .noMatch
                case Self.bail, Self.unknown: return .undecided
                default: break
                }
            }
            state = Int(next)
        }
        return endAccepts[state] ? .match : .noMatch
    }

    /// Computes and records one transition; `unknown` when there is no room for a new state.
    private func transition(from state: Int, on byte: Int) -> Int16 {
        let reached = candidates[state] & positionsOfByte[byte]
        var result: Int16
        if reached & lastAnywhere != .zero {
            result = Self.accept
        } else if reached == .zero && firstLater == .zero {
            result = Self.dead
        } else if let known = stateNumbers[reached] {
            result = known
        } else {
            guard states.count < Self.maximumStates else {
                exhausted = true
                return Self.unknown
            }
            result = Int16(states.count)
            states.append(reached)
            stateNumbers[reached] = result
            var next = firstLater
            for word in 0..<4 {
                var bits = reached[word]
                while bits != 0 {
                    next |= follow[word * 64 + bits.trailingZeroBitCount]
                    bits &= bits - 1
                }
            }
            candidates.append(next)
            endAccepts.append(reached & lastAtEnd != .zero)
            if states.count > capacity {
                let grown = UnsafeMutablePointer<Int16>.allocate(capacity: capacity * 2 * 256)
                grown.moveInitialize(from: table, count: capacity * 256)
                table.deallocate()
                table = grown
                capacity *= 2
            }
            fillRow(Int(result))
        }
        table[state << 8 | byte] = result
        return result
    }

    /// A new state's row: unknown for decidable bytes, bail-out for the others.
    private func fillRow(_ state: Int) {
        for byte in 0..<256 {
            table[state << 8 | byte] = ByteSet.decidable.contains(UInt8(byte)) ? Self.unknown : Self.bail
        }
    }

    /// Adds the positions of `node`; returns whether it matches the empty string, and its first and last positions.
    private func build(_ node: ByteRegexNode) -> (nullable: Bool, first: Positions, last: Positions) {
        switch node {
        case .set(let bytes):
            let position = follow.count
            follow.append(.zero)
            var bit = Positions.zero
            bit[position / 64] = 1 << UInt64(position % 64)
            for byte in 0..<256 where bytes.contains(UInt8(byte)) { positionsOfByte[byte] |= bit }
            return (false, bit, bit)
        case .sequence(let parts):
            var nullable = true
            var first = Positions.zero
            var last = Positions.zero
            for part in parts {
                let (partNullable, partFirst, partLast) = build(part)
                link(from: last, to: partFirst)
                if nullable { first |= partFirst }
                last = partNullable ? last | partLast : partLast
                nullable = nullable && partNullable
            }
            return (nullable, first, last)
        case .alternation(let parts):
            var result = (nullable: false, first: Positions.zero, last: Positions.zero)
            for part in parts {
                let (partNullable, partFirst, partLast) = build(part)
                result = (result.nullable || partNullable, result.first | partFirst, result.last | partLast)
            }
            return result
        case .repetition(let part, let low, let high):
            switch (low, high) {
            case (0, 1?):
                let (_, first, last) = build(part)
                return (true, first, last)
            case (0, nil), (1, nil):
                let (nullable, first, last) = build(part)
                link(from: last, to: first)
                return (low == 0 || nullable, first, last)
            default:
                // x{n,m}: n copies, then m - n optional ones; x{n,}: n copies, then x*.
                var copies = [ByteRegexNode](repeating: part, count: low)
                if let high {
                    copies += [ByteRegexNode](repeating: .repetition(part, min: 0, max: 1), count: high - low)
                } else {
                    copies.append(.repetition(part, min: 0, max: nil))
                }
                return build(.sequence(copies))
            }
        }
    }

    /// Lets every position of `from` be followed by every position of `to`.
    private func link(from: Positions, to: Positions) {
        guard to != .zero else { return }
        for word in 0..<4 {
            var bits = from[word]
            while bits != 0 {
                follow[word * 64 + bits.trailingZeroBitCount] |= to
                bits &= bits - 1
            }
        }
    }
}
