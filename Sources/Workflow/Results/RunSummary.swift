/// What a run's caller needs to know at its end without holding every step's result: each
/// learner's statuses, and where the whole results are (`results()` reads them when wanted).
public struct RunSummary: Sendable {
    /// One learner's statuses.
    public struct Learner: Sendable {
        /// The learner's id.
        public var id: String
        /// The display name.
        public var name: String?
        /// Why the learner has no result at all (a merge of shards), nil otherwise.
        public var notRun: String?
        /// The status of each step that has a result, in file order.
        public var statuses: [(step: String, status: StepStatus)]

        /// True when the learner ran and no step failed, timed out, errored, was blocked or interrupted.
        public var succeeded: Bool { notRun == nil && !statuses.contains { $0.status.isFailure } }
    }

    /// The run id.
    public var runId: String
    /// True when an interrupt stopped the run.
    public var interrupted: Bool
    /// Every learner, in roster order.
    public var learners: [Learner]
    /// The `results.json` that holds everything.
    public var resultsPath: String

    /// True when every step of every learner passed or was skipped.
    public var succeeded: Bool { learners.allSatisfy(\.succeeded) }

    /// How many steps ended with each status, over every learner.
    public var counts: [StepStatus: Int] {
        var counts: [StepStatus: Int] = [:]
        for learner in learners { for entry in learner.statuses { counts[entry.status, default: 0] += 1 } }
        return counts
    }

    /// The whole results, read from `results.json`.
    public func results() throws -> RunResults {
        try ResultsLoader.load(path: resultsPath)
    }
}
