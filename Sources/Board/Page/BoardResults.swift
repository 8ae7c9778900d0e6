import Foundation
import Workflow

/// The board as `RunResults` (statuses, reasons and titles only), so that the page draws its
/// matrix with the HTML report's `ReportMatrix`.
enum BoardResults {
    /// The results `document` shows.
    static func from(_ document: MatrixDocument) -> RunResults {
        let steps = document.steps.map { RunHeader.StepInfo(id: $0.id, title: $0.title, hint: $0.hint) }
        let learners = document.learners.map { row in
            LearnerResult(
                id: row.id, name: row.name,
                steps: steps.compactMap { step in
                    row.steps[step.id].map { cell in
                        var result = StepResult(
                            learner: row.id, step: step.id, title: cell.title, status: cell.status, reason: cell.reason,
                            endedAt: cell.endedAt,
                            attempts: cell.attempts, hint: step.hint, hintsShown: cell.hintsShown ?? 0)
                        result.undone = cell.undone
                        result.environment = cell.environment
                        return result
                    }
                })
        }
        return RunResults(
            runId: "board", command: "serve", runbook: document.runbook, startedAt: Date(), endedAt: nil, interrupted: false, steps: steps,
            learners: learners)
    }
}
