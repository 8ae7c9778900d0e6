/// One learner's part of the results: engine, steps in file order, cleanup.
public struct LearnerResult: Sendable, Codable {
    /// The learner's id.
    public var id: String
    /// The display name.
    public var name: String?
    /// The engine check, when the runbook talks to an engine.
    public var preflight: PreflightRecord?
    /// The steps that have a result, in file order.
    public var steps: [StepResult]
    /// The cleanup items.
    public var cleanup: [ProbeResult]
    /// Why the learner has no result at all, when a merge of shards found none (SPEC 8: "not run"); nil otherwise.
    public var notRun: String?

    /// Creates a learner result.
    public init(id: String, name: String?, preflight: PreflightRecord? = nil, steps: [StepResult] = [], cleanup: [ProbeResult] = []) {
        self.id = id
        self.name = name
        self.preflight = preflight
        self.steps = steps
        self.cleanup = cleanup
    }

    /// The result of step `id`, if any.
    public func step(_ id: String) -> StepResult? { steps.first { $0.step == id } }

    /// Number of steps that passed.
    public var passedCount: Int { steps.filter { $0.status == .passed }.count }

    /// True when the learner ran and no step failed, timed out, errored, was blocked or interrupted.
    public var succeeded: Bool { notRun == nil && !steps.contains { $0.status.isFailure } }
}
