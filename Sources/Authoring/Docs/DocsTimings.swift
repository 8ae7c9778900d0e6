import Workflow

/// `docs --timings FILE` (SPEC 11.3): "about N min" under each step that learners passed, and the
/// total under the description; N is the median in whole minutes (at least 1), the total the sum
/// of the steps' N, so that the reader's own addition agrees with it.
public struct DocsTimings: Sendable {
    /// The timings by step id (none: nothing is written).
    public var timings: [String: StepTiming] = [:]

    /// Timings of `timings` (by step id); none by default.
    public init(timings: [String: StepTiming] = [:]) {
        self.timings = timings
    }

    /// `_About 4 min._` for `step`, nil without a median.
    func line(for step: String) -> String? {
        timings[step]?.aboutMinutes.map { "_About \($0) min._" }
    }

    /// The total line for `steps`, nil when no step has a median.
    func total(of steps: [Step]) -> String? {
        let minutes = steps.compactMap { timings[$0.id]?.aboutMinutes }
        guard !minutes.isEmpty else { return nil }
        let learners = timings.values.map(\.n).max() ?? 0
        let some = minutes.count < steps.count ? " (for the \(minutes.count) steps timed)" : ""
        let whose = "\(learners) learner\(learners == 1 ? "" : "s")"
        return "_About \(minutes.reduce(0, +)) min in all\(some): the median time of \(whose) on each step._"
    }
}
