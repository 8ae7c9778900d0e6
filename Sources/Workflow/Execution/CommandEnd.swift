/// How a command's run ended, the same for a process and an in-process action.
struct CommandEnd: Sendable {
    /// The exit status, when there is one.
    var exitCode: Int32?
    /// The signal that ended a process, if any.
    var signal: Int32?
    /// What an action found out about its subject.
    var facts: SubjectFacts?
    /// It ran past its timeout.
    var timedOut = false
    /// Ctrl-C stopped it.
    var interrupted = false
    /// `finish_on_match` stopped it.
    var stoppedByConsumer = false
    /// The learner's doing: why it failed before its checks (e.g. connection refused).
    var failure: String?
    /// The environment's: why it could not run (status `error`).
    var error: String?

    /// Whether it ran to its end by itself with an exit status under 125 (not a timeout,
    /// interrupt, signal, stop on a match, or a launcher's own failure such as status 125).
    var endedNormally: Bool {
        guard let exitCode, error == nil, signal == nil, !timedOut, !interrupted, !stoppedByConsumer else { return false }
        return exitCode < 125
    }

    /// The end of a process.
    init(_ outcome: ProcessOutcome) {
        error = outcome.launchFailure
        switch outcome.termination {
        case .exited(let code): exitCode = code
        case .signaled(let number): signal = number
        case nil: break
        }
        timedOut = outcome.timedOut
        interrupted = outcome.interrupted
        stoppedByConsumer = outcome.stoppedByConsumer
    }

    /// The end of an action.
    init(_ outcome: ActionOutcome) {
        exitCode = outcome.exitCode
        facts = outcome.facts
        switch outcome.problem {
        case .failed(let reason): failure = reason
        case .error(let reason): error = reason
        case nil: break
        }
    }

    /// An action that did not end by itself.
    init(timedOut: Bool, interrupted: Bool) {
        self.timedOut = timedOut
        self.interrupted = interrupted
    }
}
