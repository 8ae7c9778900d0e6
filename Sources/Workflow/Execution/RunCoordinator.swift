/// Runs a runbook for every learner of a batch command (`run`, `check`, `selftest`): learners in
/// parallel, `jobs` at a time, each in its own `LearnerSession`; results through one recorder.
public final class RunCoordinator: Sendable {
    /// What to run.
    public let configuration: RunConfiguration
    /// Where results go.
    public let recorder: RunRecorder
    /// Fired by Ctrl-C: running steps stop, the rest are skipped, cleanup still runs.
    public let interrupt = InterruptSignal()
    /// Why the run stopped starting steps, if it did.
    public let stop = RunStopFlag()
    /// What each learner is doing now, for live displays.
    public let live = LiveStatus()
    private let observer: (any RunObserver)?
    private let prepared: [String: (setup: LearnerSetup, scope: VariableScope)]

    /// Prepares a run; throws before anything runs when a learner's vars are invalid (exit status 2).
    public init(configuration: RunConfiguration, recorder: RunRecorder, observer: (any RunObserver)? = nil) throws(SessionError) {
        self.configuration = configuration
        self.recorder = recorder
        self.observer = observer
        self.prepared = try configuration.prepareLearners()
    }

    /// Stops the run as Ctrl-C does: running steps are interrupted, steps not yet started are skipped.
    public func requestInterrupt() {
        stop.stop(reason: "interrupted")
        interrupt.trigger()
    }

    /// Runs everything; returns the results as written to results.json (or throws, having written
    /// what it could, when the results could not be kept whole).
    public func run() async throws(RecordingError) -> RunSummary {
        await recorder.record(.run(configuration.header))
        await withTaskGroup(of: Void.self) { group in
            var pending = configuration.learners[...]
            for _ in 0..<min(configuration.jobs, pending.count) {
                let learner = pending.removeFirst()
                group.addTask { await self.runLearner(learner) }
            }
            while await group.next() != nil {
                if let learner = pending.popFirst() {
                    group.addTask { await self.runLearner(learner) }
                }
            }
        }
        return try await recorder.finish(interrupted: interrupt.isTriggered)
    }

    /// One learner's whole session.
    private func runLearner(_ learner: Learner) async {
        guard let (setup, scope) = prepared[learner.id] else { return }
        let session = await LearnerSession.open(
            configuration: configuration, learner: learner, setup: setup, scope: scope, recorder: recorder, observer: observer, live: live,
            stop: stop, interrupt: interrupt)
        defer { session.close() }
        await session.runAll()
    }
}
