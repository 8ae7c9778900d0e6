import Foundation

/// Merges the results of several runs of a runbook into one (SPEC 4, `runbook report A B …`):
/// for each learner × step the latest result by end time wins; learners and steps are unioned in
/// first-seen order; inputs from different runbooks (sha256) are refused unless forced.
public struct ResultsMerger: Sendable {
    /// One input: where it was read from, and its results.
    public struct Input: Sendable {
        /// The file it came from, for messages.
        public var name: String
        /// Its results.
        public var results: RunResults

        /// Creates an input.
        public init(name: String, results: RunResults) {
            self.name = name
            self.results = results
        }
    }

    /// Which runbook an input ran, for the "runbooks differ" message.
    public struct RunbookOrigin: Sendable, Equatable {
        /// The input's file.
        public var input: String
        /// The runbook it ran.
        public var runbook: RunHeader.RunbookInfo

        /// Creates an origin.
        public init(input: String, runbook: RunHeader.RunbookInfo) {
            self.input = input
            self.runbook = runbook
        }
    }

    /// Merge inputs from different runbooks instead of refusing them.
    public var force: Bool

    /// Creates a merger.
    public init(force: Bool = false) {
        self.force = force
    }

    /// The merged results; one input comes back unchanged.
    public func merge(_ inputs: [Input]) throws(ResultsMergeError) -> RunResults {
        guard let first = inputs.first else { throw .noInputs }
        let digests = Set(inputs.map(\.results.runbook.sha256))
        if digests.count > 1 && !force {
            var seen: Set<String> = []
            let origins = inputs.compactMap { input -> RunbookOrigin? in
                seen.insert(input.name + "\u{0}" + input.results.runbook.sha256).inserted
                    ? RunbookOrigin(input: input.name, runbook: input.results.runbook) : nil
            }
            throw .runbooksDiffer(origins)
        }
        guard inputs.count > 1 else { return first.results }
        // Latest run last, so that its header facts (runbook, names) win ties.
        let byStart = inputs.enumerated().sorted { lhs, rhs in
            lhs.element.results.startedAt != rhs.element.results.startedAt
                ? lhs.element.results.startedAt < rhs.element.results.startedAt : lhs.offset < rhs.offset
        }.map(\.element.results)
        let latest = byStart[byStart.count - 1]

        var steps: [RunHeader.StepInfo] = []
        var stepIndex: [String: Int] = [:]
        var learnerOrder: [String] = []
        var learners: [String: LearnerResult] = [:]
        var cells: [String: [String: StepResult]] = [:]
        for input in inputs {
            for step in input.results.steps where stepIndex[step.id] == nil {
                stepIndex[step.id] = steps.count
                steps.append(step)
            }
            for learner in input.results.learners {
                for step in learner.steps where stepIndex[step.step] == nil {
                    stepIndex[step.step] = steps.count
                    steps.append(RunHeader.StepInfo(id: step.step, title: step.title, hint: step.hint))
                }
                if learners[learner.id] == nil {
                    learnerOrder.append(learner.id)
                    learners[learner.id] = LearnerResult(id: learner.id, name: learner.name)
                }
            }
        }
        // Steps' titles and hints, learners' names, preflights and cleanups: the latest run's.
        for results in byStart {
            for step in results.steps {
                if let index = stepIndex[step.id] { steps[index] = step }
            }
            for learner in results.learners {
                guard var merged = learners[learner.id] else { continue }
                if let name = learner.name { merged.name = name }
                if let preflight = learner.preflight, merged.preflight.map({ $0.endedAt <= preflight.endedAt }) ?? true {
                    merged.preflight = preflight
                }
                if !learner.cleanup.isEmpty { merged.cleanup = learner.cleanup }
                learners[learner.id] = merged
                for step in learner.steps {
                    if let current = cells[learner.id]?[step.step], current.endedAt > step.endedAt { continue }
                    cells[learner.id, default: [:]][step.step] = step
                }
            }
        }
        let mergedLearners = learnerOrder.compactMap { id -> LearnerResult? in
            guard var learner = learners[id] else { return nil }
            learner.steps = steps.compactMap { cells[id]?[$0.id] }
            return learner
        }
        var runIds: [String] = []
        for results in byStart where !runIds.contains(results.runId) { runIds.append(results.runId) }
        var commands: [String] = []
        for results in byStart where !commands.contains(results.command) { commands.append(results.command) }
        let ends = byStart.compactMap(\.endedAt)
        return RunResults(
            runId: runIds.joined(separator: "+"), command: commands.joined(separator: "+"), runbook: latest.runbook,
            startedAt: byStart[0].startedAt, endedAt: latest.endedAt == nil ? nil : ends.max(), interrupted: latest.interrupted,
            steps: steps, learners: mergedLearners)
    }
}
