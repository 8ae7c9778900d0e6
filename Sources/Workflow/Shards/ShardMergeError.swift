/// Why the results of a sharded run cannot be merged (`runbook report --merge`): each case names
/// the culprit, so that the one shard to rerun or the one input to drop is obvious.
public enum ShardMergeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing to merge.
    case noInputs
    /// An input was not run with `--shard`.
    case notSharded(input: String)
    /// An input belongs to a run with another number of shards.
    case totalDiffers(input: String, shard: String, expected: Int)
    /// Shards ran different runbooks.
    case runbooksDiffer([ResultsMerger.RunbookOrigin])
    /// Shards dealt different rosters: each input with its shard and the roster's digest.
    case rostersDiffer([RosterOrigin])
    /// Two inputs are the same shard.
    case duplicateShard(shard: String, inputs: [String])
    /// Shards that no input holds, as `I/N`.
    case missingShards([String])
    /// A learner appears in two shards.
    case learnerInTwoShards(learner: String, first: RosterOrigin, second: RosterOrigin)

    /// Which roster an input's shard dealt, for messages.
    public struct RosterOrigin: Sendable, Equatable {
        /// The input's file.
        public var input: String
        /// Its shard, `I/N`.
        public var shard: String
        /// SHA-256 of its roster.
        public var rosterSha256: String

        /// Creates an origin.
        public init(input: String, shard: String, rosterSha256: String) {
            self.input = input
            self.shard = shard
            self.rosterSha256 = rosterSha256
        }
    }

    /// The message printed after `error: `.
    public var description: String {
        switch self {
        case .noInputs:
            return "no results to merge"
        case .notSharded(let input):
            return "\(input) was not run with --shard (its results have no shard record); --merge joins the shards of one sharded run"
        case .totalDiffers(let input, let shard, let expected):
            return "\(input) is shard \(shard), but \(expected) shard\(expected == 1 ? " is" : "s are") expected"
        case .runbooksDiffer(let origins):
            let lines = origins.map { origin in
                "  \(origin.input): \(ControlCharacters.singleLine(origin.runbook.path)) sha256 \(origin.runbook.sha256.prefix(12))"
            }
            return "the shards ran different runbooks:\n" + lines.joined(separator: "\n")
        case .rostersDiffer(let origins):
            let lines = origins.map { "  \($0.input): shard \($0.shard), roster sha256 \($0.rosterSha256.prefix(12))" }
            return "the shards dealt different rosters:\n" + lines.joined(separator: "\n")
        case .duplicateShard(let shard, let inputs):
            return "shard \(shard) appears \(inputs.count) times: \(inputs.joined(separator: ", "))"
        case .missingShards(let shards):
            return shards.count == 1
                ? "shard \(shards[0]) is missing"
                : "shards \(shards.dropLast().joined(separator: ", ")) and \(shards.last!) are missing"
        case .learnerInTwoShards(let learner, let first, let second):
            return "learner \(learner) is in two shards: \(first.shard) (\(first.input)) and \(second.shard) (\(second.input))"
        }
    }
}
