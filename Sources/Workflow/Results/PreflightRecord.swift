import Foundation
import Text

/// A learner's environment check (by a backend), journaled before its steps.
public struct PreflightRecord: Sendable, Codable {
    /// The learner's id.
    public var learner: String
    /// passed (the environment answered) or error (it did not).
    public var status: StepStatus
    /// The environment's own message when unreachable.
    public var message: String?
    /// The backend that checked (by name); nil in results written before backends were named.
    public var backend: String?
    /// What the environment is, as the backend describes it.
    public var fingerprint: JSONValue?
    /// The fingerprint in one line, for reports.
    public var summary: String?
    /// When the check finished.
    public var endedAt: Date

    /// Creates a record.
    public init(
        learner: String, status: StepStatus, message: String?, backend: String? = nil, fingerprint: JSONValue? = nil,
        summary: String? = nil,
        endedAt: Date = Date()
    ) {
        self.learner = learner
        self.status = status
        self.message = message
        self.backend = backend
        self.fingerprint = fingerprint
        self.summary = summary
        self.endedAt = endedAt
    }
}
