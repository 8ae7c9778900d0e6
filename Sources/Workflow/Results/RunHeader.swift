import Foundation

/// The first journal record of a run: what ran, on which runbook, for whom.
public struct RunHeader: Sendable, Codable {
    /// The runbook file.
    public struct RunbookInfo: Sendable, Codable, Hashable {
        /// The path as given.
        public var path: String
        /// Its title.
        public var title: String?
        /// SHA-256 of its bytes.
        public var sha256: String

        /// Creates the info.
        public init(path: String, title: String?, sha256: String) {
            self.path = path
            self.title = title
            self.sha256 = sha256
        }
    }

    /// A learner as listed in reports.
    public struct LearnerInfo: Sendable, Codable, Hashable {
        /// The id.
        public var id: String
        /// The display name.
        public var name: String?

        /// Creates the info.
        public init(id: String, name: String?) {
            self.id = id
            self.name = name
        }
    }

    /// A step as listed in reports (columns of the matrix).
    public struct StepInfo: Sendable, Codable, Hashable {
        /// The id.
        public var id: String
        /// The raw title.
        public var title: String?
        /// The raw hint.
        public var hint: String?
        /// The step's line in the runbook (1-based), for annotations and JUnit; nil in results written before it was recorded.
        public var line: Int?

        /// Creates the info.
        public init(id: String, title: String?, hint: String?, line: Int? = nil) {
            self.id = id
            self.title = title
            self.hint = hint
            self.line = line
        }
    }

    /// The run id.
    public var runId: String
    /// `run`, `check`, `guide` or `selftest`.
    public var command: String
    /// The runbook.
    public var runbook: RunbookInfo
    /// When the run started.
    public var startedAt: Date
    /// The learners, in roster order.
    public var learners: [LearnerInfo]
    /// The steps, in file order.
    public var steps: [StepInfo]
    /// Which shard of the roster this run is (`--shard I/N`); nil when not sharded.
    public var shard: ShardInfo?
    /// True when the run was of a roster (`--learners`, e.g. the instructor's validation run before
    /// the day): never evidence of a learner's own work for `check` (SPEC 6.11). Nil for a run of
    /// one learner who ran it themselves (no roster), and for `guide`.
    public var roster: Bool?

    /// Creates a header.
    public init(
        runId: String, command: String, runbook: RunbookInfo, startedAt: Date, learners: [LearnerInfo], steps: [StepInfo],
        shard: ShardInfo? = nil, roster: Bool? = nil
    ) {
        self.roster = roster
        self.runId = runId
        self.command = command
        self.runbook = runbook
        self.startedAt = startedAt
        self.learners = learners
        self.steps = steps
        self.shard = shard
    }
}
