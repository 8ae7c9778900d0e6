import Workflow

/// `GET /api/v1/detail`: what a board cell opens: the failure, the command, the output's last lines, the hint.
public struct CellDetail: Sendable, Codable, Equatable {
    /// The learner's id.
    public var learner: String
    /// The step's id.
    public var step: String
    /// The latest status.
    public var status: StepStatus
    /// The step's title as the learner saw it.
    public var title: String?
    /// The command as the learner would type it.
    public var command: String?
    /// The hint as the learner saw it.
    public var hint: String?
    /// The failure explained: reason, exit code, failed expectations with their lines, failed probes.
    public var explanation: String
    /// The last lines of the step's output.
    public var output: String
    /// Every hint of a step that has several (`hint` is the first); nil for one or none.
    public var hints: [String]?
    /// The most hints the learner was shown for the step.
    public var hintsShown: Int

    /// Creates a detail.
    public init(
        learner: String, step: String, status: StepStatus, title: String?, command: String?, hint: String?, explanation: String,
        output: String, hints: [String]? = nil, hintsShown: Int = 0
    ) {
        self.learner = learner
        self.step = step
        self.status = status
        self.title = title
        self.command = command
        self.hint = hint
        self.explanation = explanation
        self.output = output
        self.hints = hints
        self.hintsShown = hintsShown
    }
}
