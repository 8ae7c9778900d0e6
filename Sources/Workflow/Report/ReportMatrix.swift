import Foundation

/// The learner × step view the reports share: columns, cells, counts and where the room is stuck.
public struct ReportMatrix: Sendable {
    /// The results shown.
    public let results: RunResults
    /// The columns: the run's steps in file order, then any step only a learner's results name.
    public let steps: [RunHeader.StepInfo]
    /// The rows, in roster order.
    public let learners: [LearnerResult]
    private let cells: [String: [String: StepResult]]
    private let sharedTitles: [String: String]

    /// Builds the view of `results`.
    public init(results: RunResults) {
        self.results = results
        var steps = results.steps
        var known = Set(steps.map(\.id))
        var cells: [String: [String: StepResult]] = [:]
        for learner in results.learners {
            for step in learner.steps {
                cells[learner.id, default: [:]][step.step] = step
                if known.insert(step.step).inserted {
                    steps.append(RunHeader.StepInfo(id: step.step, title: step.title, hint: step.hint))
                }
            }
        }
        self.steps = steps
        learners = results.learners
        self.cells = cells
        var sharedTitles: [String: String] = [:]
        for step in steps {
            let titles = Set(results.learners.compactMap { cells[$0.id]?[step.id]?.title })
            if titles.count == 1, let title = titles.first { sharedTitles[step.id] = title }
        }
        self.sharedTitles = sharedTitles
    }

    /// The result of `step` for `learner`; nil when the journal holds none (the run stopped before it).
    public func result(learner: String, step: String) -> StepResult? {
        cells[learner]?[step]
    }

    /// The step's title as `learner` saw it (substituted); without a learner, the substituted
    /// title every learner saw when they all saw the same, else the title as written; else empty.
    public func title(of step: RunHeader.StepInfo, learner: String? = nil) -> String {
        if let learner, let title = result(learner: learner, step: step.id)?.title { return title }
        return sharedTitles[step.id] ?? step.title ?? ""
    }

    /// How many cells have each status (missing cells not counted).
    public var statusCounts: [StepStatus: Int] {
        var counts: [StepStatus: Int] = [:]
        for learner in learners {
            for step in steps {
                if let status = result(learner: learner.id, step: step.id)?.status { counts[status, default: 0] += 1 }
            }
        }
        return counts
    }

    /// What a cell without a result says: `not run: REASON` for a learner that never ran (a merge of
    /// shards found no result for it, SPEC 8), else `not run` (the learner or a crashed run never
    /// reached the step: never "skipped", SPEC 7.1).
    public func missingText(for learner: LearnerResult) -> String {
        learner.notRun.map { "not run: " + $0 } ?? "not run"
    }

    /// Cells with no result: steps a crashed or cut-short run never reached.
    public var missingCount: Int {
        learners.reduce(0) { sum, learner in sum + steps.filter { result(learner: learner.id, step: $0.id) == nil }.count }
    }

    /// True when every step of `learner` has a result and none of them is a failure.
    public func passed(_ learner: LearnerResult) -> Bool {
        steps.allSatisfy { step in result(learner: learner.id, step: step.id).map { !$0.status.isFailure } ?? false }
    }

    /// Steps of `learner` that passed, facts of the machine (`environment: true`) left out.
    public func passedCount(_ learner: LearnerResult) -> Int {
        steps.filter { result(learner: learner.id, step: $0.id).map { $0.status == .passed && $0.countsForLearner } ?? false }.count
    }

    /// The steps a learner's passed/total counts: every column but facts of the machine (SPEC 6.11).
    public var countedSteps: Int {
        steps.filter { step in !learners.contains { result(learner: $0.id, step: step.id)?.environment == true } }.count
    }

    /// The learners that passed.
    public var learnersPassed: Int { learners.filter(passed).count }

    /// The results of `learner` that need explaining: failed, timeout, error, interrupted and blocked, in step order.
    public func problems(of learner: LearnerResult) -> [StepResult] {
        steps.compactMap { result(learner: learner.id, step: $0.id) }.filter(\.status.isFailure)
    }

    /// Steps where learners are stuck, most learners first (file order breaks ties).
    public var stuckSteps: [StuckStep] {
        var stuck: [StuckStep] = []
        for step in steps {
            var counts: [StepStatus: Int] = [:]
            var who: [String] = []
            var hints: [String] = []
            for learner in learners {
                guard let result = result(learner: learner.id, step: step.id), StuckStep.statuses.contains(result.status) else { continue }
                counts[result.status, default: 0] += 1
                who.append(learner.id)
                if let hint = result.hint, !hint.isEmpty, !hints.contains(hint) { hints.append(hint) }
            }
            // One hint shared by every stuck learner reads best substituted; different ones (a
            // learner's name in it) fall back to the runbook's text.
            let hint = hints.count == 1 ? hints[0] : (step.hint.flatMap { $0.isEmpty ? nil : $0 } ?? hints.first)
            if !who.isEmpty { stuck.append(StuckStep(step: step, counts: counts, learners: who, hint: hint)) }
        }
        return stuck.enumerated().sorted { lhs, rhs in
            lhs.element.total != rhs.element.total ? lhs.element.total > rhs.element.total : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// The runbook's title, else its file name.
    public var runbookTitle: String {
        if let title = results.runbook.title, !title.isEmpty { return title }
        return (results.runbook.path as NSString).lastPathComponent
    }

    /// Wall time of the run, when it ended.
    public var duration: Double? {
        results.endedAt.map { $0.timeIntervalSince(results.startedAt) }
    }

    /// The command as it ran, for a report: the display form, on one line.
    public static func commandLine(_ command: CommandRecord?) -> String? {
        command.map { ControlCharacters.singleLine($0.display) }
    }
}
