import Foundation

/// Everything a run needs: the runbook, who runs it, how, and with which plug-ins.
public struct RunConfiguration: Sendable {
    /// The validated runbook.
    public var runbook: Runbook
    /// The learners, in roster order (`local` without a roster).
    public var learners: [Learner]
    /// `--var-file` and `--var` values (the roster layer comes from each learner).
    public var varFile: [String: VariableLayers.Value]
    /// `--var K=V` values.
    public var commandLineVars: [String: VariableLayers.Value]
    /// The run id.
    public var runId: String
    /// What to do with each step.
    public var mode: RunMode
    /// `--only`, `--skip`, `--from`.
    public var selection: StepSelection
    /// Stop the whole run at the first failure.
    public var failFast: Bool
    /// Learners run at once.
    public var jobs: Int
    /// How each command key runs.
    public var kinds: [CommandKey: any CommandKind]
    /// The container engine's support (Docker), nil when the runbook has no docker steps.
    public var engine: (any EngineSupport)?
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
    /// Sees every journal record as it is written (the class board's publisher, SPEC 7).
    public var journalTap: (any JournalTap)?

    /// Creates a configuration with SPEC defaults.
    public init(
        runbook: Runbook, learners: [Learner] = [.local], varFile: [String: VariableLayers.Value] = [:],
        commandLineVars: [String: VariableLayers.Value] = [:], runId: String = RunIdentifier.make(), mode: RunMode = .run,
        selection: StepSelection = .all, failFast: Bool = false, jobs: Int = 4, kinds: [CommandKey: any CommandKind] = [:],
        engine: (any EngineSupport)? = nil, baseEnvironment: [String: String] = ProcessInfo.processInfo.environment,
        defaultTimeout: Duration = .seconds(30 * 60), cleanupTimeout: Duration = .seconds(30), killGrace: Duration = .seconds(5),
        stdinIsTerminal: Bool = isatty(0) == 1
    ) {
        self.runbook = runbook
        self.learners = learners
        self.varFile = varFile
        self.commandLineVars = commandLineVars
        self.runId = runId
        self.mode = mode
        self.selection = selection
        self.failFast = failFast
        self.jobs = max(1, jobs)
        var allKinds: [CommandKey: any CommandKind] = [.exec: ExecCommandKind(), .sh: ShellCommandKind()]
        for (key, kind) in kinds { allKinds[key] = kind }
        self.kinds = allKinds
        self.engine = engine
        self.baseEnvironment = baseEnvironment
        self.defaultTimeout = defaultTimeout
        self.cleanupTimeout = cleanupTimeout
        self.killGrace = killGrace
        self.stdinIsTerminal = stdinIsTerminal
    }

    /// The var scope of `learner`: every layer merged (SPEC 1.3); throws for undeclared or missing required vars.
    public func variableScope(for learner: Learner) throws(VariableError) -> VariableScope {
        let layers = VariableLayers(varFile: varFile, roster: learner.variableLayer, commandLine: commandLineVars)
        let builtins = [
            "learner": learner.id, "module": runbook.module, "runbook_dir": runbook.directory, "run_id": runId,
        ]
        return try VariableScope(runbook: runbook, layers: layers, builtins: builtins, environment: baseEnvironment)
    }
}
