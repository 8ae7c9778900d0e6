/// What a command kind needs to know to turn a substituted command into what runs.
public struct CommandContext: Sendable {
    /// The learner's id.
    public var learner: String
    /// The step's id (or `cleanup`).
    public var step: String
    /// The run's id, for marking what the command creates.
    public var runId: String
    /// The complete environment the command will get (PATH included).
    public var environment: [String: String]
    /// Whether to mark what the command creates with the run's labels, so that sweeps find it.
    public var marksCreations: Bool
    /// What the learner's environment offers (probed once per learner).
    public var capabilities: Set<Capability>
    /// What the backends' preflights told the kinds (`BackendPreflight.facts`).
    public var facts: [String: String]
    /// The command's working directory (the step's `cwd:`, by default the runbook's folder), an
    /// absolute path; nil where nothing runs (docs). In-process kinds resolve relative paths against it.
    public var workingDirectory: String?
    /// The module's id (SPEC 6.11: `module:`'s last part, else the runbook's file name without
    /// extension), which labels and project names carry; empty where nothing runs.
    public var module = ""
    /// The names of the environment variables the runbook or the step set (`defaults.env`, `env:`),
    /// so that a kind adds its own only where the author did not.
    public var authorEnvironment: Set<String> = []
    /// The step's readiness wait (`retry: { for, every }`), for kinds that wait inside one attempt; nil for none.
    public var readiness: ReadinessWait?
    /// `status:` as written, for kinds that wait for an accepted status inside one attempt; nil when not written.
    public var expectedStatus: StatusExpectation?

    /// Creates a context.
    public init(
        learner: String, step: String, runId: String, environment: [String: String], marksCreations: Bool, capabilities: Set<Capability>,
        facts: [String: String] = [:], workingDirectory: String? = nil
    ) {
        self.learner = learner
        self.step = step
        self.runId = runId
        self.environment = environment
        self.marksCreations = marksCreations
        self.capabilities = capabilities
        self.facts = facts
        self.workingDirectory = workingDirectory
    }
}
