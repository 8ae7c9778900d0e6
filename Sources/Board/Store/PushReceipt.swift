/// The answer to a stored push (`{"acked": N}`, SPEC 7): the highest contiguous seq the board
/// holds, and the ranges of this batch it refused as runs of another runbook version.
public struct PushReceipt: Sendable, Codable, Equatable {
    /// The highest contiguous seq stored or refused for the learner.
    public var acked: Int
    /// The refused ranges the batch touched (absent when none).
    public var refused: [RefusedRange]?

    /// Creates a receipt.
    public init(acked: Int, refused: [RefusedRange]? = nil) {
        self.acked = acked
        self.refused = refused
    }
}
