import Foundation

/// A learner raised a hand (`h` in `runbook guide`): the class board shows it until their next passed step.
public struct HandRecord: Sendable, Codable, Hashable {
    /// The learner's id.
    public var learner: String
    /// The step the learner was on.
    public var step: String
    /// When the hand went up.
    public var raisedAt: Date

    /// Creates a record.
    public init(learner: String, step: String, raisedAt: Date = Date()) {
        self.learner = learner
        self.step = step
        self.raisedAt = raisedAt
    }
}
