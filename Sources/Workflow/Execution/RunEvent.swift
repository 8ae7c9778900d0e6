/// What a run reports while it goes, for the terminal and other observers.
public enum RunEvent: Sendable {
    /// A learner's preflight finished.
    case preflightFinished(PreflightRecord)
    /// A step started running (not emitted for steps that are skipped or blocked without running).
    case stepStarted(learner: String, step: String, title: String?, command: String?)
    /// One line of a running step's output (only when the observer asked for lines, e.g. --verbose).
    case outputLine(learner: String, step: String, stream: OutputStreamKind, line: String)
    /// A step has its final result.
    case stepFinished(StepResult)
    /// A cleanup item finished.
    case cleanupFinished(learner: String, result: ProbeResult)
    /// A learner is done (all steps and cleanup).
    case learnerFinished(learner: String)
    /// Something the person running it should know that is not a step's result (the same text
    /// may come once per learner).
    case warning(learner: String, message: String)
}
