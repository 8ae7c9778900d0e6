import Foundation
import Workflow

/// One learner × step cell of `GET /api/v1/matrix` and of the board's events.
public struct MatrixCell: Sendable, Codable, Equatable {
    /// The latest status.
    public var status: StepStatus
    /// Why, for anything but passed.
    public var reason: String?
    /// The step's title as the learner saw it.
    public var title: String?
    /// Attempts of its last run.
    public var attempts: Int
    /// When it finished.
    public var endedAt: Date
    /// The most hints the learner was shown for the step (`runbook guide`, SPEC 11.1); nil for none.
    public var hintsShown: Int?

    /// Creates a cell.
    public init(status: StepStatus, reason: String?, title: String?, attempts: Int, endedAt: Date, hintsShown: Int? = nil) {
        self.status = status
        self.reason = reason
        self.title = title
        self.attempts = attempts
        self.endedAt = endedAt
        self.hintsShown = hintsShown
    }
}
