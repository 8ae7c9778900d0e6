/// What the engine needs from a container engine, per learner: supplied by Steps for Docker.
public protocol EngineSupport: Sendable {
    /// Checks that the learner's engine answers (`docker version`) and describes it.
    func preflight(environment: [String: String]) async -> EnginePreflight
    /// Whether the engine is still reachable; nil when it is, else the engine's own message.
    func unreachableReason(environment: [String: String]) async -> String?
    /// The capabilities of the engine (gpu), given its preflight.
    func capabilities(preflight: EnginePreflight, environment: [String: String]) async -> Set<Capability>
    /// Removes containers carrying these labels (`io.runbook.run`, `io.runbook.learner`, `io.runbook.step`);
    /// `onlyStopped` keeps running ones. Returns how many were removed.
    @discardableResult
    func removeContainers(labels: [String: String], onlyStopped: Bool, environment: [String: String]) async -> Int
    /// Environment a learner's commands get on top of the runner's (e.g. its own DOCKER_CONFIG).
    func learnerEnvironment(for learner: Learner, base: [String: String]) throws -> LearnerEnvironment
}

extension EngineSupport {
    /// By default a learner needs no extra environment.
    public func learnerEnvironment(for learner: Learner, base: [String: String]) throws -> LearnerEnvironment {
        LearnerEnvironment()
    }
}
