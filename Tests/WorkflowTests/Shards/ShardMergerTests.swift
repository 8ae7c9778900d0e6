import Foundation
import Testing
import Workflow

/// Joining the shards of one run: roster order back, and every way shards can fail to fit refused by name.
@Suite("Shard merger")
struct ShardMergerTests {
    static let roster = ["ann", "bob", "cat", "dan", "eve"]
    static let rosterSha = String(repeating: "r", count: 64)
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// Shard `index` of `total` of `roster`, each learner with one passed step (none for `empty`).
    static func shard(
        _ index: Int, of total: Int, roster: [String] = roster, rosterSha: String = rosterSha,
        runbookSha: String = String(repeating: "b", count: 64), learners explicit: [String]? = nil, empty: Set<String> = []
    ) throws -> ResultsMerger.Input {
        let learners = try explicit ?? Shard(index: index, total: total).deal(roster)
        let begin = start.addingTimeInterval(Double(index))
        let results = RunResults(
            runId: "run-\(index)", command: "run", runbook: RunHeader.RunbookInfo(path: "rb.yaml", title: "T", sha256: runbookSha),
            startedAt: begin, endedAt: begin.addingTimeInterval(30), interrupted: false, steps: [.init(id: "hello", title: nil, hint: nil)],
            learners: learners.map { id in
                LearnerResult(
                    id: id, name: id.uppercased(),
                    steps: empty.contains(id)
                        ? []
                        : [
                            StepResult(learner: id, step: "hello", status: .passed, endedAt: begin.addingTimeInterval(5))
                        ])
            },
            shard: ShardInfo(index: index, total: total, rosterSha256: rosterSha, learners: learners))
        return ResultsMerger.Input(name: "shard\(index).json", results: results)
    }

    static func refusal(_ inputs: [ResultsMerger.Input], expected: Int? = nil) -> String {
        do {
            _ = try ShardMerger(expectedShards: expected).merge(inputs)
            return "accepted"
        } catch {
            return error.description
        }
    }

    @Test func learnersComeBackInRosterOrderWhateverTheInputOrder() throws {
        let merged = try ShardMerger(expectedShards: 2).merge([Self.shard(2, of: 2), Self.shard(1, of: 2)])
        #expect(merged.learners.map(\.id) == Self.roster)
        #expect(merged.learners.allSatisfy { $0.steps.map(\.status) == [.passed] && $0.notRun == nil })
        #expect(merged.runId == "run-1+run-2")
        #expect(merged.startedAt == Self.start.addingTimeInterval(1))
        #expect(merged.endedAt == Self.start.addingTimeInterval(32))
        #expect(merged.shard == nil)
        #expect(merged.succeeded)
    }

    @Test func theNumberOfShardsComesFromTheInputsWithoutExpectShards() throws {
        let merged = try ShardMerger().merge([Self.shard(1, of: 3), Self.shard(2, of: 3), Self.shard(3, of: 3)])
        #expect(merged.learners.map(\.id) == Self.roster)
    }

    @Test func aLearnerWithoutAnyResultIsNotRunNeverAbsent() throws {
        let merged = try ShardMerger(expectedShards: 2).merge([Self.shard(1, of: 2), Self.shard(2, of: 2, empty: ["dan"])])
        let dan = try #require(merged.learners.first { $0.id == "dan" })
        #expect(dan.notRun == "shard 2/2 recorded no result for this learner")
        #expect(!dan.succeeded)
        #expect(!merged.succeeded)
        #expect(merged.learners.map(\.id) == Self.roster)
    }

    @Test func aMissingShardIsNamed() throws {
        #expect(try Self.refusal([Self.shard(1, of: 3), Self.shard(3, of: 3)]) == "shard 2/3 is missing")
        #expect(try Self.refusal([Self.shard(1, of: 3)], expected: 3) == "shards 2/3 and 3/3 are missing")
        let fewer = try Self.refusal([Self.shard(1, of: 2), Self.shard(2, of: 2)], expected: 3)
        #expect(fewer == "shard1.json is shard 1/2, but 3 shards are expected")
    }

    @Test func aDuplicatedShardIsNamed() throws {
        var copy = try Self.shard(2, of: 2)
        copy.name = "again.json"
        let twice = try Self.refusal([Self.shard(1, of: 2), Self.shard(2, of: 2), copy])
        #expect(twice == "shard 2/2 appears 2 times: shard2.json, again.json")
    }

    @Test func aLearnerInTwoShardsIsNamed() throws {
        let inputs = try [Self.shard(1, of: 2), Self.shard(2, of: 2, learners: ["bob", "cat", "dan"])]
        #expect(Self.refusal(inputs) == "learner cat is in two shards: 1/2 (shard1.json) and 2/2 (shard2.json)")
    }

    @Test func aDifferentRosterOrRunbookIsRefused() throws {
        let roster = try Self.refusal([Self.shard(1, of: 2), Self.shard(2, of: 2, rosterSha: String(repeating: "x", count: 64))])
        #expect(roster.hasPrefix("the shards dealt different rosters:"))
        #expect(roster.contains("shard2.json: shard 2/2, roster sha256 xxxxxxxxxxxx"))
        let runbook = try Self.refusal([Self.shard(1, of: 2), Self.shard(2, of: 2, runbookSha: String(repeating: "c", count: 64))])
        #expect(runbook.hasPrefix("the shards ran different runbooks:"))
        #expect(runbook.contains("shard2.json: rb.yaml sha256 cccccccccccc"))
    }

    @Test func anInputThatIsNotAShardIsNamed() throws {
        var plain = try Self.shard(2, of: 2)
        plain.results.shard = nil
        #expect(try Self.refusal([Self.shard(1, of: 2), plain]).hasPrefix("shard2.json was not run with --shard"))
    }

    @Test func shardInfoSurvivesTheJournalAndResultsJSON() throws {
        let input = try Self.shard(2, of: 2)
        let data = try JSONEncoder.runbook.encode(input.results)
        let decoded = try JSONDecoder.runbook.decode(RunResults.self, from: data)
        #expect(decoded.shard == input.results.shard)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""shard":{"index":2,"learners":["bob","dan"],"rosterSha256":"\#(Self.rosterSha)","total":2}"#))
        #expect(!text.contains("notRun"), "absent unless a merge found a learner without results")
    }
}
