/// The shape of a regex that `LineAutomaton` can decide on bytes: sets of bytes, sequences,
/// alternatives and repetitions (groups only group; anchors are handled per top-level branch).
indirect enum ByteRegexNode: Sendable {
    /// One byte from the set.
    case set(ByteSet)
    /// Each part in turn (empty: matches the empty string).
    case sequence([ByteRegexNode])
    /// Any one of the parts.
    case alternation([ByteRegexNode])
    /// The part repeated at least `min` and at most `max` (nil: unbounded) times.
    case repetition(ByteRegexNode, min: Int, max: Int?)

    /// The number of automaton positions the node needs once repetitions are unrolled
    /// (saturating, so that a huge count is simply refused).
    var positionCount: Int {
        switch self {
        case .set: return 1
        case .sequence(let parts), .alternation(let parts):
            return parts.reduce(0) { min($0 + $1.positionCount, Int(Int32.max)) }
        case .repetition(let part, let low, let high):
            let (product, overflow) = part.positionCount.multipliedReportingOverflow(by: ByteRegexNode.unrolled(min: low, max: high))
            return overflow ? Int(Int32.max) : min(product, Int(Int32.max))
        }
    }

    /// How many copies of its part a repetition unrolls to: `x?`, `x*` and `x+` need one.
    static func unrolled(min low: Int, max high: Int?) -> Int {
        switch (low, high) {
        case (0, 1?), (0, nil), (1, nil): return 1
        case (_, let high?): return high
        case (_, nil): return low + 1
        }
    }
}
