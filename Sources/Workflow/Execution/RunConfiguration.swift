import Foundation

/// Everything a run needs: the runbook, who runs it, how, and with which kinds and backends.
public struct RunConfiguration: Sendable {
    /// The validated runbook.
    public var runbook: Runbook
    /// The learners, in roster order (`local` without a roster).
    public var learners: [Learner]
    /// `--var-file` values (the roster layer comes from each learner).
    public var varFile: [String: VariableLayers.Value]
    /// `--var K=V` values.
    public var commandLineVars: [String: VariableLayers.Value]
    /// The run id.
    public var runId: String
    /// What the sessions do with each step.
    public var policy: SessionPolicy
    /// `--only`, `--skip`, `--from`.
    public var selection: StepSelection
    /// Stop the whole run at the first failure.
    public var failFast: Bool
    /// Learners run at once.
    public var jobs: Int
    /// The kinds and backends.
    public var registry: KindRegistry
    /// The environment every command inherits.
    public var baseEnvironment: [String: String]
    /// Per-attempt limit for steps that set none.
    public var defaultTimeout: Duration
    /// Limit for each cleanup item.
    public var cleanupTimeout: Duration
    /// Grace between SIGTERM and SIGKILL.
    public var killGrace: Duration
    /// Whether the runner's stdin is a terminal (the `tty` capability).
    public var stdinIsTerminal: Bool
    /// `--keep-workdir`: keep each learner's `${workdir}` even after `run` and `selftest`.
    public var keepWorkdir = false
    /// Ports chosen earlier for a learner (a guide keeps its ports across sessions): learner → name → port.
    public var reservedPorts: [String: [String: Int]] = [:]
    /// Which shard of the roster `learners` are (SPEC 8), recorded in the journal's `run` record.
    public var shard: ShardInfo?
    /// The ports in use on the engine's host, when the runner cannot bind there itself (inside a
    /// container, SPEC 10.2); nil: `${port.NAME}` are ports free on this machine.
    public var engineHostPortsInUse: Set<Int>?
    /// Inside a container (SPEC 10.2): `${workdir}` is made when a step first needs it, and this
    /// says why a folder cannot be used (not a folder of the host); nil: made before the first step.
    public var workdirPlaceCheck: (@Sendable (String) -> String?)?
    /// The guide asks for a `required` var without a value when a step that uses it is shown
    /// (SPEC 10.3) instead of refusing to start.
    public var deferRequiredVars = false
    /// The learners come from a roster (`--learners`): the run record says so, and `check` never
    /// takes such a run as evidence of a learner's own work.
    public var fromRoster = false
    /// `check`: what the learners' journals say they passed (SPEC 6.11), and the captures they made.
    public var evidence = JournalEvidence()
    /// `check`: the longest a `retry: { for }` waits (`--wait`, default 5 s); nil (`--wait full`)
    /// waits as long as each step says, and never ends a wait early.
    public var checkWait: Duration? = .seconds(5)

    /// Creates a configuration with SPEC defaults.
    public init(
        runbook: Runbook, learners: [Learner] = [.local], varFile: [String: VariableLayers.Value] = [:],
        commandLineVars: [String: VariableLayers.Value] = [:], runId: String = RunIdentifier.make(), policy: SessionPolicy = .run,
        selection: StepSelection = .all, failFast: Bool = false, jobs: Int = 4, registry: KindRegistry = .core,
        baseEnvironment: [String: String] = ProcessInfo.processInfo.environment, defaultTimeout: Duration = .seconds(30 * 60),
        cleanupTimeout: Duration = .seconds(30), killGrace: Duration = .seconds(5), stdinIsTerminal: Bool = isatty(0) == 1
    ) {
        self.runbook = runbook
        self.learners = learners
        self.varFile = varFile
        self.commandLineVars = commandLineVars
        self.runId = runId
        self.policy = policy
        self.selection = selection
        self.failFast = failFast
        self.jobs = max(1, jobs)
        self.registry = registry
        self.baseEnvironment = baseEnvironment
        self.defaultTimeout = defaultTimeout
        self.cleanupTimeout = cleanupTimeout
        self.killGrace = killGrace
        self.stdinIsTerminal = stdinIsTerminal
    }

    /// The command the policy belongs to.
    public var mode: RunMode { policy.mode }

    /// The backends the runbook uses that the registry knows, in first-use order.
    public var usedBackends: [any KindBackend] {
        runbook.backends.compactMap { registry.backends[$0] }
    }

    /// The var scope of `learner`: every layer merged (SPEC 1.3), with the built-ins of its `setup`;
    /// throws for undeclared or missing required vars.
    public func variableScope(for learner: Learner, setup: LearnerSetup? = nil) throws(VariableError) -> VariableScope {
        let layers = VariableLayers(varFile: varFile, roster: learner.variableLayer, commandLine: commandLineVars)
        var builtins = [
            "learner": learner.id, "module": runbook.module, "runbook_dir": runbook.directory, "run_id": runId,
        ]
        builtins.merge(setup?.builtins ?? [:]) { _, new in new }
        return try VariableScope(
            runbook: runbook, layers: layers, builtins: builtins, environment: baseEnvironment, deferRequired: deferRequiredVars)
    }

    /// Every learner's setup (ports, folder, engine host) and scope, or the first learner's problem
    /// (prefixed with its id when there is a roster): checked before anything runs.
    public func prepareLearners() throws(SessionError) -> [String: (setup: LearnerSetup, scope: VariableScope)] {
        let setups = try LearnerSetup.plan(self)
        var prepared: [String: (setup: LearnerSetup, scope: VariableScope)] = [:]
        for learner in learners {
            guard let setup = setups[learner.id] else { continue }
            do {
                prepared[learner.id] = (setup, try variableScope(for: learner, setup: setup))
            } catch {
                let named = learners.count > 1 || learner.id != "local"
                throw .variables(VariableError(named ? "learner \(learner.id): \(error.message)" : error.message, at: error.location))
            }
        }
        return prepared
    }

    /// The journal's first record for this run.
    public var header: RunHeader {
        RunHeader(
            runId: runId, command: mode.rawValue, runbook: .init(path: runbook.path, title: runbook.title, sha256: runbook.sha256),
            startedAt: Date(), learners: learners.map { .init(id: $0.id, name: $0.name) },
            steps: runbook.steps.map { .init(id: $0.id, title: $0.title?.raw, hint: $0.hint?.raw, line: $0.location.line) }, shard: shard,
            roster: fromRoster ? true : nil)
    }
}
