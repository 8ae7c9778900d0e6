/// A cleanup item's result, journaled for one learner.
public struct CleanupRecord: Sendable, Codable {
    /// The learner's id.
    public var learner: String
    /// The item's result.
    public var result: ProbeResult

    /// Creates a record.
    public init(learner: String, result: ProbeResult) {
        self.learner = learner
        self.result = result
    }
}
