/// One learner's state during a run: vars and captures, environment, engine facts, redaction.
public final class LearnerContext: Sendable {
    /// Who.
    public let learner: Learner
    /// Vars, built-ins and captures.
    public let scope: VariableScope
    /// The environment every command of this learner gets.
    public let environment: [String: String]
    /// Secret values to hide.
    public let redactor: Redactor
    /// The engine check (nil when the runbook has no docker steps).
    public let preflight: EnginePreflight?
    /// What the engine offers.
    public let capabilities: Set<Capability>

    /// Creates a context.
    public init(learner: Learner, scope: VariableScope, environment: [String: String], redactor: Redactor, preflight: EnginePreflight?, capabilities: Set<Capability>) {
        self.learner = learner
        self.scope = scope
        self.environment = environment
        self.redactor = redactor
        self.preflight = preflight
        self.capabilities = capabilities
    }

    /// The engine's message when it did not answer the preflight.
    public var engineUnreachable: String? {
        guard let preflight, !preflight.reachable else { return nil }
        return preflight.message ?? "the Docker engine did not answer"
    }
}
