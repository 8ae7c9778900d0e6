import Foundation

/// `results.json`: the whole run, built from the journal (schema `runbook-results/1`, see docs/results-schema.md).
public struct RunResults: Sendable, Codable {
    /// The schema's name and version.
    public var schema: String
    /// The run id.
    public var runId: String
    /// `run`, `check`, `guide` or `selftest`.
    public var command: String
    /// The runbook that ran.
    public var runbook: RunHeader.RunbookInfo
    /// When the run started.
    public var startedAt: Date
    /// When it ended; nil when the journal stops early (a crash).
    public var endedAt: Date?
    /// True when an interrupt stopped it.
    public var interrupted: Bool
    /// The runbook's steps, in file order.
    public var steps: [RunHeader.StepInfo]
    /// Every learner, in roster order.
    public var learners: [LearnerResult]
    /// Which shard of the roster this run is (`--shard I/N`); nil when not sharded, and in merged results.
    public var shard: ShardInfo?

    /// The current schema name.
    public static let currentSchema = "runbook-results/1"

    /// Creates results.
    public init(
        runId: String, command: String, runbook: RunHeader.RunbookInfo, startedAt: Date, endedAt: Date?, interrupted: Bool,
        steps: [RunHeader.StepInfo], learners: [LearnerResult], shard: ShardInfo? = nil
    ) {
        schema = Self.currentSchema
        self.runId = runId
        self.command = command
        self.runbook = runbook
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.interrupted = interrupted
        self.steps = steps
        self.learners = learners
        self.shard = shard
    }

    /// True when every step of every learner passed or was skipped.
    public var succeeded: Bool { learners.allSatisfy(\.succeeded) }

    /// Writes the results as JSON to `path`, atomically (a temporary file renamed over it).
    public func write(to path: String) throws {
        let encoder = JSONEncoder.runbook
        encoder.outputFormatting.insert(.prettyPrinted)
        try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
