/// A step's process kept running after its ready line matched (`finish_on_match`): the step's
/// probes run while it runs, then it is stopped as a person would (SIGINT first), or, for a
/// `background: true` step, left running beside the later steps until a `stop:` step or the end
/// (SPEC 6.11). What it prints after the ready line goes to `later`.
struct HeldProcess: Sendable {
    /// The process.
    let process: RunningProcess
    /// Records the output that follows the ready line (excerpts only).
    let later: OutputEvaluator
    /// What ran, for the record of the step that stops it.
    let command: CommandRecord?

    /// How a held process ended once stopped (or once it ended by itself).
    struct Ending: Sendable {
        /// How the process ended.
        var outcome: ProcessOutcome
        /// What it printed after the ready line.
        var excerpts: OutputExcerpts?
        /// Its exit status, when it exited.
        var exitCode: Int32? {
            if case .exited(let code) = outcome.termination { return code }
            return nil
        }
    }

    /// Stops it as a person would (SIGINT, SIGTERM after the grace, SIGKILL) and waits for its end.
    func stop() async -> Ending {
        process.stop()
        return await ending()
    }

    /// Waits for its end (after `stop()` or by itself).
    func ending() async -> Ending {
        let outcome = await process.outcome
        let evaluation = later.finish(exitCode: nil, subject: nil, capturedBefore: [:], render: { $0.raw })
        return Ending(outcome: outcome, excerpts: evaluation.excerpts)
    }
}
