/// A learner's records the board refused as a whole (SPEC 7.1): a run of another runbook version
/// and everything after it up to that learner's next run record. The store keeps the range (a
/// tombstone, in `STORE/refused/ID.jsonl`) so that its seqs count as acknowledged and the
/// learner's later runs are stored as usual; the records themselves are not kept.
public struct RefusedRange: Sendable, Codable, Equatable {
    /// The first seq refused (the run record's).
    public var from: Int
    /// The last seq refused.
    public var to: Int
    /// Why, for the learner.
    public var reason: String

    /// Creates a range.
    public init(from: Int, to: Int, reason: String) {
        self.from = from
        self.to = to
        self.reason = reason
    }
}
