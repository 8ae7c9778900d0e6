/// What a command kind needs to know to turn substituted words into a process.
public struct CommandContext: Sendable {
    /// The learner's id.
    public var learner: String
    /// The step's id (or `cleanup`, `preflight`).
    public var step: String
    /// The run's id, for container labels.
    public var runId: String
    /// The complete environment the process will get (PATH included).
    public var environment: [String: String]
    /// Whether to add the run's container labels to `run`/`create`.
    public var labelContainers: Bool
    /// What the learner's engine offers (probed once per learner).
    public var capabilities: Set<Capability>

    /// Creates a context.
    public init(learner: String, step: String, runId: String, environment: [String: String], labelContainers: Bool, capabilities: Set<Capability>) {
        self.learner = learner
        self.step = step
        self.runId = runId
        self.environment = environment
        self.labelContainers = labelContainers
        self.capabilities = capabilities
    }
}
