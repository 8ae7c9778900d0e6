import Foundation

/// One part of a roster run on its own machine (SPEC 8): shard `index` of `total`, 1-based.
///
/// Learners are dealt round-robin in roster order, so shard I gets the learners at positions
/// I, I+N, I+2N… (1-based); a learner's steps are never split between shards.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// Which shard, 1…total.
    public let index: Int
    /// How many shards there are.
    public let total: Int

    /// The environment variable holding `I/N`.
    public static let shardVariable = "RUNBOOK_SHARD"
    /// Kubernetes' 0-based index of an Indexed Job's pod.
    public static let completionIndexVariable = "JOB_COMPLETION_INDEX"
    /// The number of shards, beside `JOB_COMPLETION_INDEX`.
    public static let totalVariable = "RUNBOOK_TOTAL_SHARDS"

    /// Creates shard `index` of `total`; throws unless 1 ≤ index ≤ total.
    public init(index: Int, total: Int) throws(ShardError) {
        guard total >= 1 else { throw .invalid("the number of shards must be at least 1") }
        guard (1...total).contains(index) else { throw .invalid("the shard's index must be from 1 to \(total)") }
        self.index = index
        self.total = total
    }

    /// Parses `I/N` (1-based), e.g. `2/3`.
    public init(parsing text: String) throws(ShardError) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Self.number(parts[0]), let total = Self.number(parts[1]) else {
            throw .invalid("write I/N, e.g. 2/3 for the second of three shards")
        }
        try self.init(index: index, total: total)
    }

    /// The shard a command runs: `--shard` when given, else `RUNBOOK_SHARD=I/N`, else
    /// `JOB_COMPLETION_INDEX` (0-based) with `RUNBOOK_TOTAL_SHARDS=N`; nil when none is set.
    /// `JOB_COMPLETION_INDEX` alone is ignored: any Indexed Job sets it, sharded or not.
    public static func resolve(option: String?, environment: [String: String]) throws(ShardError) -> Shard? {
        if let option { return try parse(option, from: "--shard \(option)") }
        if let text = environment[shardVariable], !text.isEmpty { return try parse(text, from: "\(shardVariable)=\(text)") }
        guard let totalText = environment[totalVariable], !totalText.isEmpty else { return nil }
        guard let total = number(Substring(totalText)) else {
            throw .invalid("\(totalVariable)=\(totalText): the number of shards must be a whole number")
        }
        guard let indexText = environment[completionIndexVariable], !indexText.isEmpty else {
            throw .invalid("\(totalVariable)=\(totalText) is set but \(completionIndexVariable) is not; set \(shardVariable)=I/N instead")
        }
        guard let zeroBased = number(Substring(indexText)) else {
            throw .invalid("\(completionIndexVariable)=\(indexText): the index must be a whole number")
        }
        do {
            return try Shard(index: zeroBased + 1, total: total)
        } catch {
            throw .invalid(
                "\(completionIndexVariable)=\(indexText) with \(totalVariable)=\(totalText): the index must be from 0 to \(total - 1)")
        }
    }

    /// The items of this shard, in their order: those at 0-based positions index-1, index-1+total, ….
    public func deal<Item>(_ items: [Item]) -> [Item] {
        items.enumerated().filter { $0.offset % total == index - 1 }.map(\.element)
    }

    /// `I/N`.
    public var description: String { "\(index)/\(total)" }

    /// A non-negative decimal number without sign or blanks.
    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    /// `text` parsed as `I/N`; an error names where the text came from.
    private static func parse(_ text: String, from source: String) throws(ShardError) -> Shard {
        do {
            return try Shard(parsing: text)
        } catch {
            throw .invalid("\(source): \(error.message)")
        }
    }
}
