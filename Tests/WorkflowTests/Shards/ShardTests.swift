import Testing
import Workflow

/// `--shard I/N` and its environment forms: parsing, precedence, and round-robin dealing.
@Suite("Shards")
struct ShardTests {
    @Test(arguments: [("1/1", 1, 1), ("2/3", 2, 3), ("3/3", 3, 3), (" 10/12 ", 10, 12)])
    func parsesIOfN(text: String, index: Int, total: Int) throws {
        let shard = try Shard(parsing: text)
        #expect(shard.index == index && shard.total == total)
        #expect(shard.description == "\(index)/\(total)")
    }

    @Test(arguments: ["0/3", "4/3", "1/0", "3", "a/b", "-1/3", "1/3/4", "/3", "1/", "+1/3", "1.5/3", ""])
    func refusesWhatIsNotAShard(text: String) {
        #expect(throws: ShardError.self) { try Shard(parsing: text) }
    }

    @Test func dealsLearnersRoundRobinInRosterOrder() throws {
        let roster = ["a", "b", "c", "d", "e", "f", "g"]
        let dealt = try (1...3).map { try Shard(index: $0, total: 3).deal(roster) }
        #expect(dealt == [["a", "d", "g"], ["b", "e"], ["c", "f"]])
        #expect(try Shard(index: 5, total: 9).deal(roster) == ["e"])
        #expect(try Shard(index: 8, total: 9).deal(roster).isEmpty, "more shards than learners: the last ones are empty")
    }

    @Test func theOptionWinsOverTheEnvironment() throws {
        let environment = ["RUNBOOK_SHARD": "1/2", "JOB_COMPLETION_INDEX": "0", "RUNBOOK_TOTAL_SHARDS": "5"]
        #expect(try Shard.resolve(option: "2/4", environment: environment) == Shard(index: 2, total: 4))
        #expect(try Shard.resolve(option: nil, environment: environment) == Shard(index: 1, total: 2))
    }

    @Test func aKubernetesIndexIsZeroBased() throws {
        let shard = try Shard.resolve(option: nil, environment: ["JOB_COMPLETION_INDEX": "2", "RUNBOOK_TOTAL_SHARDS": "3"])
        #expect(shard == (try Shard(index: 3, total: 3)))
    }

    @Test func noShardWithoutAnyOfThem() throws {
        #expect(try Shard.resolve(option: nil, environment: [:]) == nil)
        #expect(try Shard.resolve(option: nil, environment: ["RUNBOOK_SHARD": "", "RUNBOOK_TOTAL_SHARDS": ""]) == nil)
        #expect(try Shard.resolve(option: nil, environment: ["JOB_COMPLETION_INDEX": "4"]) == nil, "an Indexed Job that does not shard")
    }

    @Test func badEnvironmentsSayWhichVariable() {
        let cases: [([String: String], String)] = [
            (["RUNBOOK_SHARD": "3"], "RUNBOOK_SHARD=3: write I/N"),
            (["RUNBOOK_TOTAL_SHARDS": "3"], "RUNBOOK_TOTAL_SHARDS=3 is set but JOB_COMPLETION_INDEX is not"),
            (
                ["RUNBOOK_TOTAL_SHARDS": "3", "JOB_COMPLETION_INDEX": "3"],
                "JOB_COMPLETION_INDEX=3 with RUNBOOK_TOTAL_SHARDS=3: the index must be from 0 to 2"
            ),
            (["RUNBOOK_TOTAL_SHARDS": "three", "JOB_COMPLETION_INDEX": "0"], "RUNBOOK_TOTAL_SHARDS=three"),
        ]
        for (environment, message) in cases {
            do {
                _ = try Shard.resolve(option: nil, environment: environment)
                Issue.record("\(environment) was accepted")
            } catch {
                #expect(error.message.hasPrefix(message), "\(error.message)")
            }
        }
        #expect(throws: ShardError.invalid("--shard 0/2: the shard's index must be from 1 to 2")) {
            try Shard.resolve(option: "0/2", environment: [:])
        }
    }
}
