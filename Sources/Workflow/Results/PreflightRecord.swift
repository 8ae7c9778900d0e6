import Foundation

/// A learner's engine check, journaled before its steps.
public struct PreflightRecord: Sendable, Codable {
    /// The learner's id.
    public var learner: String
    /// passed (engine answered), error (it did not) or skipped (no docker steps).
    public var status: StepStatus
    /// The engine's message when unreachable.
    public var message: String?
    /// What the engine is.
    public var fingerprint: EnvironmentFingerprint?
    /// When the check finished.
    public var endedAt: Date

    /// Creates a record.
    public init(learner: String, status: StepStatus, message: String?, fingerprint: EnvironmentFingerprint?, endedAt: Date = Date()) {
        self.learner = learner
        self.status = status
        self.message = message
        self.fingerprint = fingerprint
        self.endedAt = endedAt
    }
}
