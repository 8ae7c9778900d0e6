/// What the journal's `run` record and results.json say about a sharded run (SPEC 8), so that
/// `runbook report --merge` can prove that the shards fit together.
public struct ShardInfo: Sendable, Codable, Hashable {
    /// Which shard, 1…total.
    public var index: Int
    /// How many shards there are.
    public var total: Int
    /// SHA-256 of the roster file's bytes: every shard must have dealt the same roster.
    public var rosterSha256: String
    /// The ids of this shard's learners, in roster order.
    public var learners: [String]

    /// Creates the info.
    public init(index: Int, total: Int, rosterSha256: String, learners: [String]) {
        self.index = index
        self.total = total
        self.rosterSha256 = rosterSha256
        self.learners = learners
    }

    /// The info of `shard` of the roster whose bytes are `rosterBytes`, for `learners` (the shard's).
    public init(shard: Shard, rosterBytes: [UInt8], learners: [String]) {
        self.init(index: shard.index, total: shard.total, rosterSha256: SHA256.hex(of: rosterBytes), learners: learners)
    }

    /// `I/N`.
    public var label: String { "\(index)/\(total)" }
}
