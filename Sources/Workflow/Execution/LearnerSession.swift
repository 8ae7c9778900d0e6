import Foundation

/// One learner's session, the same for `run`, `check`, `guide` and `selftest` (they differ only by
/// the configuration's `SessionPolicy`): the learner's environment from the backends, the
/// preflight, then steps with their gates, probes and retries, cleanup and sweeps; every result is
/// journaled through the run's recorder as it finishes.
///
/// Batch commands call `runAll()`; `runbook guide` drives the steps one by one (`+Guide`).
public final class LearnerSession: Sendable {
    /// What runs, and how.
    public let configuration: RunConfiguration
    /// The learner's vars, captures, environment and what the backends found.
    public let context: LearnerContext
    /// Where results go.
    public let recorder: RunRecorder
    /// Who watches.
    let observer: (any RunObserver)?
    /// What the learner is doing now, for live displays.
    let live: LiveStatus?
    /// Why the run stopped starting steps, if it did (fail-fast, interrupt).
    let stop: RunStopFlag
    /// The run's interrupt (Ctrl-C): running steps stop.
    let interrupt: InterruptSignal
    /// Folders the backends made for this learner, removed by `close()`.
    private let releases: [LearnerEnvironment]
    /// The learner's ports, folder and engine host.
    public let setup: LearnerSetup
    /// The processes of `background: true` steps still running (SPEC 6.11).
    let background = BackgroundProcesses()

    private init(
        configuration: RunConfiguration, context: LearnerContext, recorder: RunRecorder, observer: (any RunObserver)?, live: LiveStatus?,
        stop: RunStopFlag, interrupt: InterruptSignal, releases: [LearnerEnvironment], setup: LearnerSetup
    ) {
        self.configuration = configuration
        self.context = context
        self.recorder = recorder
        self.observer = observer
        self.live = live
        self.stop = stop
        self.interrupt = interrupt
        self.releases = releases
        self.setup = setup
    }

    /// Opens the session of `learner`: each backend the runbook uses prepares the learner's
    /// environment and checks it (while, when the policy says so, what earlier runs left is swept);
    /// the preflight is journaled. An interrupt stops a preflight that hangs at once.
    public static func open(
        configuration: RunConfiguration, learner: Learner, setup: LearnerSetup, scope: VariableScope, recorder: RunRecorder,
        observer: (any RunObserver)? = nil, live: LiveStatus? = nil, stop: RunStopFlag = RunStopFlag(),
        interrupt: InterruptSignal = InterruptSignal()
    ) async -> LearnerSession {
        // Inside a container the folder is made when a step first needs it, after a check of where it is (SPEC 10.2).
        let onDemand = configuration.workdirPlaceCheck.map { WorkdirOnDemand(path: setup.workdir, check: $0) }
        let workdirMade = onDemand == nil ? makeWorkdir(setup.workdir) : nil
        await recorder.record(.learner(LearnerRecord(learner: learner.id, ports: setup.ports, workdir: setup.workdir)))
        var environment = configuration.baseEnvironment
        var releases: [LearnerEnvironment] = []
        var preflights: [String: BackendPreflight] = [:]
        let backends = configuration.usedBackends
        for backend in backends {
            do {
                let extra = try backend.prepare(learner: learner, environment: environment, isolated: configuration.policy.isolatesLearners)
                environment.merge(extra.variables) { _, new in new }
                releases.append(extra)
            } catch {
                preflights[backend.name] = BackendPreflight(reachable: false, message: "cannot prepare the learner's environment: \(error)")
            }
        }
        var capabilities: Set<Capability> = []
        var facts: [String: String] = [:]
        for backend in backends {
            var result = preflights[backend.name] ?? BackendPreflight(reachable: false)
            if preflights[backend.name] == nil {
                let commands = resolvedCommands(of: backend.name, in: configuration.runbook, scope: scope)
                var policy = configuration.policy
                policy.module = configuration.runbook.moduleId
                result = await check(
                    backend, commands: commands, learner: learner, environment: environment, policy: policy, interrupt: interrupt)
            }
            if !result.reachable && result.message == nil { result.message = backend.unreachableFallback }
            preflights[backend.name] = result
            if result.reachable {
                capabilities.formUnion(result.capabilities)
                facts.merge(result.facts) { first, _ in first }
            }
            let record = PreflightRecord(
                learner: learner.id, status: result.reachable ? .passed : .error, message: result.message, backend: backend.name,
                fingerprint: result.fingerprint, summary: result.summary)
            await recorder.record(.preflight(record))
            observer?.handle(.preflightFinished(record))
        }
        let redactor = Redactor.forScope(scope, runbook: configuration.runbook)
        for name in redactor.ignoredNames {
            let message = "secret \(name) (or a line of it) is shorter than \(Redactor.minimumLength) characters and is not redacted"
            observer?.handle(.warning(learner: learner.id, message: message))
        }
        let context = LearnerContext(
            learner: learner, scope: scope, environment: environment, redactor: redactor,
            preflights: preflights, capabilities: capabilities, facts: facts, setupProblem: workdirMade, workdirOnDemand: onDemand)
        return LearnerSession(
            configuration: configuration, context: context, recorder: recorder, observer: observer, live: live, stop: stop,
            interrupt: interrupt,
            releases: releases, setup: setup)
    }

    /// Makes `${workdir}` (mode 0700); the problem when it cannot be made.
    private static func makeWorkdir(_ path: String) -> String? {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            return nil
        } catch {
            return "cannot make the learner's folder \(path): \(error.localizedDescription)"
        }
    }

    /// One backend's preflight, with the sweep of leftovers beside it; an interrupt ends the wait at once.
    private static func check(
        _ backend: any KindBackend, commands: [ResolvedCommand], learner: Learner, environment: [String: String], policy: SessionPolicy,
        interrupt: InterruptSignal
    ) async -> BackendPreflight {
        await withTaskGroup(of: BackendPreflight?.self) { group in
            group.addTask {
                let result = await backend.preflight(environment: environment, commands: commands)
                // What earlier runs left goes first, when there may be any (it could clash with names this run uses).
                if policy.sweepsLeftovers, result.reachable, result.mayHaveLeftovers {
                    await backend.sweep(.leftovers(learner: learner.id, module: policy.module), environment: environment)
                }
                return result
            }
            group.addTask {
                await interrupt.wait()
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? BackendPreflight(reachable: false, message: "interrupted before \(backend.name) answered")
        }
    }

    /// The commands of `backend`'s kinds in `runbook` (steps, probes, cleanup), substituted from
    /// `scope`; those that need a value not known yet (a capture) are left out.
    private static func resolvedCommands(of backend: String, in runbook: Runbook, scope: VariableScope) -> [ResolvedCommand] {
        let commands = runbook.steps.flatMap { [$0.command] + $0.verify.map(\.command) } + runbook.cleanup.map(\.command)
        return commands.filter { $0.backend == backend }.compactMap { try? CommandExecutor.resolve($0, in: scope) }
    }

    /// Removes what the backends made for the learner (e.g. a temporary configuration folder), and
    /// a run's own `${workdir}` once its cleanup ran (unless `--keep-workdir`).
    public func close() {
        releases.forEach { $0.release() }
        if setup.temporaryWorkdir && !configuration.keepWorkdir {
            try? FileManager.default.removeItem(atPath: setup.workdir)
        }
    }

    /// The learner.
    public var learner: Learner { context.learner }

    /// The runbook.
    public var runbook: Runbook { configuration.runbook }

    /// Runs every step in file order as the policy says, journaling each result, then the cleanup
    /// and the sweep of what the run made. Nothing of a finished step is kept but what later
    /// gates need (its status and reason): results live in the journal.
    public func runAll() async {
        var outcomes: [String: StepResult] = [:]
        // `check` probes with what the learner's guide captured (its state keeps the values).
        if configuration.policy.mode == .check { restore(captures: configuration.evidence.captures[learner.id] ?? [:]) }
        let execution = StepExecution(session: self, interrupt: interrupt)
        var selfBefore: [String: ProbeResult] = [:]
        if configuration.policy.probesBeforeStep {
            for (index, step) in runbook.steps.enumerated()
            where step.verifySelf && configuration.selection.isSelected(step, index: index, in: runbook) {
                selfBefore[step.id] = await execution.runSelfBefore(step)
            }
        }
        for index in runbook.steps.indices {
            let result = await execution.produce(stepAt: index, previous: outcomes, selfBefore: selfBefore[runbook.steps[index].id])
            var kept = StepResult(learner: result.learner, step: result.step, status: result.status, reason: result.reason)
            kept.environment = result.environment
            outcomes[result.step] = kept
            await recorder.record(.step(result))
            observer?.handle(.stepFinished(result))
            if result.status.isFailure && result.status != .interrupted && configuration.failFast { stop.stop(reason: "fail-fast") }
        }
        // The end of the run stops what still runs in the background, as a learner would, before the cleanup.
        await stopBackground()
        if configuration.policy.runsCleanup || configuration.policy.sweepsRun {
            // The run's own leftovers are swept while the cleanup items run.
            async let swept: Void = configuration.policy.sweepsRun ? sweepRun(leftoversToo: false) : ()
            if configuration.policy.runsCleanup { await execution.runCleanup() }
            await swept
        }
        observer?.handle(.learnerFinished(learner: learner.id))
    }

    /// Stops every background step's process still running (SIGINT, then SIGTERM after its
    /// `stop_grace`, then SIGKILL) and waits for their ends.
    public func stopBackground() async {
        await background.stopAll()
    }

    /// Sweeps what this run made for the learner in every reachable backend (when it made
    /// anything), and with `leftoversToo` what earlier runs left that no longer runs.
    func sweepRun(leftoversToo: Bool) async {
        for backend in configuration.usedBackends where context.preflights[backend.name]?.reachable == true {
            let module = runbook.moduleId
            if context.createdResources {
                let scope = SweepScope.run(runId: configuration.runId, learner: learner.id, module: module, groups: context.createdGroups)
                await backend.sweep(scope, environment: context.environment)
            }
            if leftoversToo { await backend.sweep(.leftovers(learner: learner.id, module: module), environment: context.environment) }
        }
    }
}
