import Foundation

/// Background steps and `stop:` steps (SPEC 6.11).
extension StepExecution {
    /// A held process of `step` once its probes ran: kept in the background when the step is
    /// `background: true`, passed, and the command runs steps (not `check`); else stopped as a
    /// person would. Returns whether it was kept.
    func keepOrStop(_ held: HeldProcess, of step: Step, passed: Bool) async -> Bool {
        guard step.background, passed, configuration.policy.runsCommands, !executor.interrupt.isTriggered else {
            _ = await held.stop()
            return false
        }
        await session.background.keep(held, for: step.id)
        return true
    }

    /// A `stop: ID` step: stops ID's process as a person would (Ctrl-C, then SIGTERM after its
    /// `stop_grace`, then SIGKILL); its result holds what the process printed after its ready line
    /// and how it ended. `skipped` when ID has no process in the background.
    func stopBackground(_ step: Step) async -> StepResult {
        let target = step.stop ?? ""
        let title = context.text(step.title)
        let started = Date()
        guard let held = session.background.take(target) else {
            return StepResult(
                learner: context.learner.id, step: step.id, title: title, status: .skipped,
                reason: "'\(target)' is not running in the background", hint: context.text(step.hint))
        }
        session.observer?.handle(.stepStarted(learner: context.learner.id, step: step.id, title: title, command: nil))
        defer { session.live?.finished(learner: context.learner.id) }
        let ending = await held.stop()
        let record = CommandRecord(
            key: "stop", argv: ["kill", "-INT", "--", "-\(ending.outcome.pid ?? 0)"],
            display: "Ctrl-C  # stops: \(held.command?.display ?? target)", binary: "signal")
        return StepResult(
            learner: context.learner.id, step: step.id, title: title, status: .passed, exitCode: ending.exitCode, startedAt: started,
            endedAt: Date(), durationSeconds: Date().timeIntervalSince(started), attempts: 1, command: record,
            excerpts: ending.excerpts.map(context.redacted), hint: context.text(step.hint))
    }
}
