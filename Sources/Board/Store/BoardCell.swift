import Foundation
import Workflow

/// The latest result of one step of one learner, as the board keeps it: small, with where the
/// whole record lies in the learner's journal (the cell's details are read from there on demand).
struct BoardCell: Sendable {
    /// The outcome.
    var status: StepStatus
    /// Why, for anything but passed (cut short).
    var reason: String?
    /// The step's title as the learner saw it.
    var title: String?
    /// Attempts of the step's last run.
    var attempts: Int
    /// When it finished.
    var endedAt: Date
    /// Byte offset of the record's line in the learner's journal.
    var offset: Int
    /// Length of that line.
    var length: Int
    /// The highest number of hints the learner was shown for the step, over all their records of it.
    var hintsShown = 0
    /// Passed in a journal, its probes failing now: "done, since undone" (SPEC 6.11).
    var undone = false
    /// A fact of the machine (`environment: true`), not the learner's work.
    var environment = false
}
