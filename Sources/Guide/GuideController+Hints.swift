import Frontend
import Workflow

/// Hints revealed one at a time (SPEC 11.1): the first after a step's first failed attempt, the
/// next after the next one or on `?`, never all at once; the count is saved with the guide's state
/// (a resumed guide goes on from there) and carried by each result journaled (`hintsShown`).
extension GuideController {
    /// Shows a step's card, journals that it is shown (timings, SPEC 11.3), and repeats the hints
    /// the learner saw in earlier visits of the step.
    func showCard(_ presentation: StepPresentation) async {
        screen.card(presentation, total: session.runbook.steps.count, done: doneCount)
        await session.recordShown(step: presentation.id)
        let seen = RevealedHint.seen(of: presentation.hints, shown: state.hintsSeen(presentation.id))
        if !seen.isEmpty { screen.hintsSeen(seen) }
    }

    /// Keeps, journals and saves a step's result. After a failed attempt (`attempt`: a run or a
    /// check that failed or timed out) the step's next hint is revealed first, so that the result
    /// carries the new count; returns that hint, to show under the outcome.
    @discardableResult
    func record(_ result: StepResult, attempt: Bool = false) async -> RevealedHint? {
        var revealed: RevealedHint?
        if attempt, result.status == .failed || result.status == .timeout { revealed = revealHint(of: result.step) }
        var result = result
        result.hintsShown = state.hintsSeen(result.step)
        results[result.step] = result
        await session.record(result)
        if result.reason != "not selected" { state.record(result) }
        state.captures = storableCaptures()
        state.ports = session.setup.ports
        save()
        return revealed
    }

    /// `?`: the keys, and after a failure the step's next hint (journaled again with the new count,
    /// so that the class board sees it at once).
    func help(_ step: Step, afterFailure: Bool) async {
        screen.help()
        guard afterFailure else { return }
        guard let hint = revealHint(of: step.id) else {
            return screen.paragraph("  This step has no hint.", screen.style.dim)
        }
        if let latest = results[step.id], latest.status.isFailure { await record(latest) } else { save() }
        screen.hint(hint)
    }

    /// The next hint of `stepId` (or its last again), counted in the state; nil for a step without hints.
    private func revealHint(of stepId: String) -> RevealedHint? {
        guard let index = session.runbook.steps.firstIndex(where: { $0.id == stepId }),
            let (hint, shown) = RevealedHint.next(of: session.presentation(ofStepAt: index).hints, shown: state.hintsSeen(stepId))
        else { return nil }
        state.setHintsSeen(shown, for: stepId)
        return hint
    }
}
