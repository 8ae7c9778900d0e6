/// The result of running one command (a step attempt, a probe or a cleanup item) and checking it.
struct CommandOutcome: Sendable {
    /// passed, failed, timeout, error or interrupted.
    var status: StepStatus
    /// Why, for anything but passed.
    var reason: String?
    /// The exit status, when the process exited.
    var exitCode: Int32?
    /// Wall time in seconds.
    var durationSeconds: Double
    /// What ran (redacted), nil when it could not be prepared.
    var command: CommandRecord?
    /// The evaluation of the expectations, when the process ran.
    var evaluation: EvaluationResult?
    /// For `failed` by a check that has a `why:`: that explanation (redacted), shown in place of `reason`.
    var why: String?
    /// A process still running once its ready line matched (`holdsOnMatch`): stop it, or keep it in the background.
    var held: HeldProcess?
}
