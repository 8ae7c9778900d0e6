import Foundation

/// Joins the results of the shards of one run (SPEC 8, `runbook report --merge`) into the results
/// of the whole roster, after proving that they fit: every shard of 1…N exactly once, one
/// runbook, one roster, no learner in two shards. Learners come back in roster order; a learner
/// of a shard's roster part with no result at all is kept, marked "not run" (`LearnerResult.notRun`).
public struct ShardMerger: Sendable {
    /// The number of shards the run had (`--expect-shards`); nil takes it from the inputs.
    public var expectedShards: Int?

    /// Creates a merger.
    public init(expectedShards: Int? = nil) {
        self.expectedShards = expectedShards
    }

    /// The merged results, or the first reason the inputs do not fit together.
    public func merge(_ inputs: [ResultsMerger.Input]) throws(ShardMergeError) -> RunResults {
        guard !inputs.isEmpty else { throw .noInputs }
        var shards: [(input: String, results: RunResults, info: ShardInfo)] = []
        for input in inputs {
            guard let info = input.results.shard else { throw .notSharded(input: input.name) }
            shards.append((input.name, input.results, info))
        }
        let total = expectedShards ?? shards[0].info.total
        for shard in shards where shard.info.total != total {
            throw .totalDiffers(input: shard.input, shard: shard.info.label, expected: total)
        }
        if Set(shards.map(\.results.runbook.sha256)).count > 1 {
            throw .runbooksDiffer(shards.map { ResultsMerger.RunbookOrigin(input: $0.input, runbook: $0.results.runbook) })
        }
        let origins = shards.map { ShardMergeError.RosterOrigin(input: $0.input, shard: $0.info.label, rosterSha256: $0.info.rosterSha256) }
        if Set(origins.map(\.rosterSha256)).count > 1 { throw .rostersDiffer(origins) }
        var byIndex: [Int: Int] = [:]
        for (position, shard) in shards.enumerated() {
            if byIndex[shard.info.index] != nil {
                throw .duplicateShard(shard: shard.info.label, inputs: shards.filter { $0.info.index == shard.info.index }.map(\.input))
            }
            byIndex[shard.info.index] = position
        }
        let missing = (1...total).filter { byIndex[$0] == nil }
        guard missing.isEmpty else { throw .missingShards(missing.map { "\($0)/\(total)" }) }
        var owner: [String: Int] = [:]
        for (position, shard) in shards.enumerated() {
            for learner in shard.info.learners {
                if let first = owner[learner] {
                    throw .learnerInTwoShards(learner: learner, first: origins[first], second: origins[position])
                }
                owner[learner] = position
            }
        }
        return joined(shards.map { ($0.results, $0.info) }, total: total)
    }

    /// The shards' learners dealt back into roster order, with the run's facts combined.
    private func joined(_ shards: [(results: RunResults, info: ShardInfo)], total: Int) -> RunResults {
        let ordered = shards.sorted { $0.info.index < $1.info.index }
        var placed: [(position: Int, learner: LearnerResult)] = []
        for shard in ordered {
            let results = Dictionary(shard.results.learners.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for (offset, id) in shard.info.learners.enumerated() {
                var learner = results[id] ?? LearnerResult(id: id, name: nil)
                if learner.steps.isEmpty && learner.notRun == nil {
                    learner.notRun = "shard \(shard.info.label) recorded no result for this learner"
                }
                placed.append((offset * total + shard.info.index - 1, learner))
            }
        }
        let first = ordered[0].results
        var runIds: [String] = []
        var commands: [String] = []
        for shard in ordered {
            if !runIds.contains(shard.results.runId) { runIds.append(shard.results.runId) }
            if !commands.contains(shard.results.command) { commands.append(shard.results.command) }
        }
        let ends = ordered.map(\.results.endedAt)
        return RunResults(
            runId: runIds.joined(separator: "+"), command: commands.joined(separator: "+"), runbook: first.runbook,
            startedAt: ordered.map(\.results.startedAt).min() ?? first.startedAt,
            endedAt: ends.contains { $0 == nil } ? nil : ends.compactMap { $0 }.max(),
            interrupted: ordered.contains { $0.results.interrupted }, steps: first.steps,
            learners: placed.sorted { $0.position < $1.position }.map(\.learner))
    }
}
