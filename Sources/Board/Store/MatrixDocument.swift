import Workflow

/// `GET /api/v1/matrix` and the board's `snapshot` event: the whole board as JSON.
public struct MatrixDocument: Sendable, Codable, Equatable {
    /// The served runbook.
    public var runbook: RunHeader.RunbookInfo
    /// The `--stuck-after` threshold, in seconds.
    public var stuckAfterSeconds: Double
    /// The id of the latest event the document includes (to follow `/events` from there).
    public var event: String
    /// The columns, in file order.
    public var steps: [MatrixStep]
    /// The rows: the roster's learners in roster order, then the others by the start of their first run.
    public var learners: [MatrixRow]

    /// Creates a document.
    public init(runbook: RunHeader.RunbookInfo, stuckAfterSeconds: Double, event: String, steps: [MatrixStep], learners: [MatrixRow]) {
        self.runbook = runbook
        self.stuckAfterSeconds = stuckAfterSeconds
        self.event = event
        self.steps = steps
        self.learners = learners
    }
}
