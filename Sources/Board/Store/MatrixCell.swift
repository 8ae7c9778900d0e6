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
    /// True when passed in a journal and its probes fail now: "done, since undone" (SPEC 6.11); nil otherwise.
    public var undone: Bool?
    /// True for a fact of the machine (`environment: true`), shown "✓ env"; nil otherwise.
    public var environment: Bool?

    /// Creates a cell.
    public init(
        status: StepStatus, reason: String?, title: String?, attempts: Int, endedAt: Date, hintsShown: Int? = nil, undone: Bool? = nil,
        environment: Bool? = nil
    ) {
        self.status = status
        self.reason = reason
        self.title = title
        self.attempts = attempts
        self.endedAt = endedAt
        self.hintsShown = hintsShown
        self.undone = undone
        self.environment = environment
    }
}
