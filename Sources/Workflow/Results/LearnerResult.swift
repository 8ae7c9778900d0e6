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
    /// The learner's own ports, name → port (SPEC 6.7).
    public var ports: [String: Int]
    /// The learner's own folder, `${workdir}`.
    public var workdir: String?
    /// Why the learner has no result at all, when a merge of shards found none (SPEC 8: "not run"); nil otherwise.
    public var notRun: String?

    /// Creates a learner result.
    public init(
        id: String, name: String?, preflight: PreflightRecord? = nil, steps: [StepResult] = [], cleanup: [ProbeResult] = [],
        ports: [String: Int] = [:], workdir: String? = nil, notRun: String? = nil
    ) {
        self.id = id
        self.name = name
        self.preflight = preflight
        self.steps = steps
        self.cleanup = cleanup
        self.ports = ports
        self.workdir = workdir
        self.notRun = notRun
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, preflight, steps, cleanup, ports, workdir, notRun
    }

    /// Decodes a learner; results written before ports existed have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        preflight = try container.decodeIfPresent(PreflightRecord.self, forKey: .preflight)
        steps = try container.decode([StepResult].self, forKey: .steps)
        cleanup = try container.decodeIfPresent([ProbeResult].self, forKey: .cleanup) ?? []
        ports = try container.decodeIfPresent([String: Int].self, forKey: .ports) ?? [:]
        workdir = try container.decodeIfPresent(String.self, forKey: .workdir)
        notRun = try container.decodeIfPresent(String.self, forKey: .notRun)
    }

    /// The result of step `id`, if any.
    public func step(_ id: String) -> StepResult? { steps.first { $0.step == id } }

    /// Number of steps that passed (facts of the machine, `environment: true`, left out).
    public var passedCount: Int { steps.filter { $0.status == .passed && $0.countsForLearner }.count }

    /// Number of steps that count for the learner: all but facts of the machine.
    public var countedSteps: Int { steps.filter(\.countsForLearner).count }

    /// True when the learner ran and no step failed, timed out, errored, was blocked or interrupted.
    public var succeeded: Bool { notRun == nil && !steps.contains { $0.status.isFailure } }
}
