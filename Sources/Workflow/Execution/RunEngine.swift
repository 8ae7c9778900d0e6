import Foundation

/// Runs a runbook for every learner (in parallel, `jobs` at a time), journaling each result as it
/// finishes and writing results.json at the end (SPEC 2–5).
public final class RunEngine: Sendable {
    /// What to run.
    public let configuration: RunConfiguration
    /// Where results go.
    public let outputDirectory: String
    /// Fired by Ctrl-C: running steps stop, the rest are skipped, cleanup still runs.
    public let interrupt = InterruptSignal()
    /// Why the run stopped starting steps, if it did.
    public let stop = RunStopFlag()
    /// What each learner is doing now, for live displays.
    public let live = LiveStatus()
    private let observer: (any RunObserver)?
    private let scopes: [String: VariableScope]

    /// Prepares a run; throws before anything runs when a learner's vars are invalid (exit status 2).
    public init(configuration: RunConfiguration, outputDirectory: String, observer: (any RunObserver)? = nil) throws(VariableError) {
        self.configuration = configuration
        self.outputDirectory = outputDirectory
        self.observer = observer
        var scopes: [String: VariableScope] = [:]
        for learner in configuration.learners {
            do {
                scopes[learner.id] = try configuration.variableScope(for: learner)
            } catch {
                throw VariableError(configuration.learners.count > 1 || learner.id != "local" ? "learner \(learner.id): \(error.message)" : error.message, at: error.location)
            }
        }
        self.scopes = scopes
    }

    /// Stops the run as Ctrl-C does: running steps are interrupted, steps not yet started are skipped.
    public func requestInterrupt() {
        stop.stop(reason: "interrupted")
        interrupt.trigger()
    }

    /// Runs everything; returns the results as written to results.json.
    public func run() async throws -> RunResults {
        try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        let journalPath = (outputDirectory as NSString).appendingPathComponent("journal.jsonl")
        let journal = try Journal(path: journalPath, tap: configuration.journalTap)
        let runbook = configuration.runbook
        let header = RunHeader(
            runId: configuration.runId, command: configuration.mode.rawValue,
            runbook: .init(path: runbook.path, title: runbook.title, sha256: runbook.sha256), startedAt: Date(),
            learners: configuration.learners.map { .init(id: $0.id, name: $0.name) },
            steps: runbook.steps.map { .init(id: $0.id, title: $0.title?.raw, hint: $0.hint?.raw) })
        await journal.append(.run(header))
        await withTaskGroup(of: Void.self) { group in
            var pending = configuration.learners[...]
            for _ in 0..<min(configuration.jobs, pending.count) {
                let learner = pending.removeFirst()
                group.addTask { await self.runLearner(learner, journal: journal) }
            }
            while await group.next() != nil {
                if let learner = pending.popFirst() {
                    group.addTask { await self.runLearner(learner, journal: journal) }
                }
            }
        }
        await journal.append(.end(RunFooter(endedAt: Date(), interrupted: interrupt.isTriggered)))
        await journal.sync()
        let results = try JournalReader.read(path: journal.path)
        try results.write(to: (outputDirectory as NSString).appendingPathComponent("results.json"))
        return results
    }

    /// One learner: environment, preflight, steps, cleanup.
    private func runLearner(_ learner: Learner, journal: Journal) async {
        guard let scope = scopes[learner.id] else { return }
        var environment = configuration.baseEnvironment
        if let host = learner.dockerHost, !host.isEmpty { environment["DOCKER_HOST"] = host }
        if let context = learner.dockerContext, !context.isEmpty { environment["DOCKER_CONTEXT"] = context }
        var extra = LearnerEnvironment()
        let runbook = configuration.runbook
        var preflight: EnginePreflight?
        var capabilities: Set<Capability> = []
        if let engine = configuration.engine, runbook.usesDockerEngine {
            do {
                extra = try engine.learnerEnvironment(for: learner, base: environment)
                environment.merge(extra.variables) { _, new in new }
            } catch {
                preflight = EnginePreflight(reachable: false, message: "cannot prepare the learner's Docker configuration: \(error)")
            }
            if preflight == nil {
                // Stopped containers this learner left in earlier runs go while the engine is checked.
                let sweep = configuration.mode == .run || configuration.mode == .selftest
                let sweepEnvironment = environment
                async let check = engine.preflight(environment: environment)
                async let swept = sweep
                    ? engine.removeContainers(labels: ["io.runbook.learner": learner.id], onlyStopped: true, environment: sweepEnvironment) : 0
                preflight = await check
                _ = await swept
            }
            if let preflight, preflight.reachable {
                capabilities = await engine.capabilities(preflight: preflight, environment: environment)
            }
            let record = PreflightRecord(
                learner: learner.id, status: preflight?.reachable == true ? .passed : .error, message: preflight?.message,
                fingerprint: preflight?.fingerprint)
            await journal.append(.preflight(record))
            observer?.handle(.preflightFinished(record))
        }
        defer { extra.release() }
        let context = LearnerContext(
            learner: learner, scope: scope, environment: environment, redactor: Redactor.forScope(scope, runbook: runbook),
            preflight: preflight, capabilities: capabilities)
        let executor = CommandExecutor(configuration: configuration, runner: ProcessRunner(), interrupt: interrupt, live: live, observer: observer)
        let runner = LearnerRunner(configuration: configuration, context: context, executor: executor, journal: journal, observer: observer, stop: stop)
        _ = await runner.run()
    }
}
