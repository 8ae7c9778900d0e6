import Foundation
import Testing
import Workflow

@testable import Board

/// What a hostile or confused learner can do to the store (SPEC 7.1): huge names and titles, a
/// row changed thousands of times, a run of another runbook version, a learner who quits.
@Suite("Board store under abuse")
struct BoardStoreAbuseTests {
    static func open(
        _ directory: URL, roster: [String]? = nil, historyBytes: Int = 1 << 20
    ) throws -> BoardStore {
        var configuration = BoardFixture.configuration(store: directory, roster: roster)
        configuration.limits.eventHistoryBytes = historyBytes
        return try BoardStore(
            configuration: configuration, broadcaster: EventBroadcaster(historyBytes: historyBytes, backlog: 16, subscribers: 4))
    }

    static let otherSHA = String(repeating: "cd", count: 32)

    @Test func aHugeNameOrTitleIsCutBeforeItIsStoredOrSent() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.open(directory)
        let huge = String(repeating: "x", count: 900_000)
        var step = BoardFixture.step("mallory", "build", .failed)
        step.step?.title = huge
        _ = try await store.push(BoardFixture.body([BoardFixture.header("mallory", name: huge), step]), learner: "mallory")
        #expect(await store.matrix().learners.first?.steps["build"]?.title?.unicodeScalars.count == 256)
        for index in 0..<50 {
            // Each change of the row would copy 1.8 MB into the history without the cut.
            let status: StepStatus = index % 2 == 0 ? .passed : .failed
            let record = BoardFixture.step("mallory", "build", status, after: Double(20 + index))
            _ = try await store.push(BoardFixture.body([record], from: 3 + index), learner: "mallory")
        }
        let row = try #require(await store.matrix().learners.first)
        #expect(row.name?.unicodeScalars.count == 256)
        #expect(store.broadcaster.historyBytes < 200 << 10, "51 rows of a few KB: \(store.broadcaster.historyBytes)")
        let file = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("mallory.jsonl").path)
        #expect((file[.size] as? Int ?? .max) < 200 << 10)
    }

    @Test func thousandsOfChangesKeepTheHistoryWithinItsBytes() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.open(directory, historyBytes: 64 << 10)
        _ = try await store.push(BoardFixture.body([BoardFixture.header("mallory")]), learner: "mallory")
        var seq = 2
        for batch in 0..<40 {
            let records = (0..<100).map { index in
                let status: StepStatus = index % 2 == 0 ? .failed : .timeout
                return BoardFixture.step("mallory", ["build", "run", "push"][index % 3], status, after: Double(batch * 100 + index))
            }
            _ = try await store.push(BoardFixture.body(records, from: seq), learner: "mallory")
            seq += records.count
        }
        #expect(store.broadcaster.historyBytes <= 64 << 10)
        #expect(await store.acked(for: "mallory") == 4_001)
        #expect(await store.matrix().learners.first?.stuck?.hasPrefix("timed out 9 times") == true, "failures are counted up to 9")
    }

    @Test func aRunOfAnotherVersionIsRefusedUpToTheNextRunAndThatSurvivesARestart() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.open(directory)
        let old = [
            BoardFixture.header("alice", sha: Self.otherSHA), BoardFixture.step("alice", "deploy", .passed),
            BoardFixture.hand("alice", "deploy", after: 5),
        ]
        let first = try await store.push(BoardFixture.body(old), learner: "alice")
        #expect(first.acked == 3 && first.refused?.map(\.from) == [1] && first.refused?.map(\.to) == [3])
        #expect(await store.matrix().learners.first?.stuck == "runs another version of the runbook")
        // The same learner's next records, in a later batch, still belong to the refused run.
        let more = try await store.push(BoardFixture.body([BoardFixture.step("alice", "build", .passed)], from: 4), learner: "alice")
        #expect(more.acked == 4 && more.refused?.map(\.from) == [4])
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("alice.jsonl").path), "nothing stored")
        // A retry of the refused batch is answered the same (its answer was lost): one refused run, 1 to 4.
        let retried = try await store.push(BoardFixture.body(old), learner: "alice")
        #expect(retried.refused?.map { [$0.from, $0.to] } == [[1, 4]])
        // The right runbook: stored as usual, after the refused seqs.
        let right = [BoardFixture.header("alice"), BoardFixture.step("alice", "build", .passed, after: 50)]
        let stored = try await store.push(BoardFixture.body(right, from: 5), learner: "alice")
        #expect(stored.acked == 6 && stored.refused == nil)
        #expect(BoardFixture.storedLines(directory, "alice").count == 2)
        // A step the served runbook lacks, outside a refused run, is still a 400.
        await #expect(throws: BatchRejection.self) {
            try await store.push(BoardFixture.body([BoardFixture.step("alice", "deploy", .passed)], from: 7), learner: "alice")
        }
        let reopened = try Self.open(directory)
        #expect(await reopened.acked(for: "alice") == 6)
        let row = try #require(await reopened.matrix().learners.first)
        #expect(row.stuck == nil && row.steps.keys.sorted() == ["build"])
        let next = BoardFixture.body([BoardFixture.step("alice", "run", .passed, after: 60)], from: 7)
        let again = try await reopened.push(next, learner: "alice")
        #expect(again.acked == 7)
    }

    @Test func aGuideThatQuitBeforeTheLastStepIsStuckLeftAtThatStep() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.open(directory, roster: ["alice", "bob", "carol", "dan"])
        let end = { (ending: RunEnding, step: String?) in
            let at = BoardFixture.start.addingTimeInterval(100)
            return JournalRecord.end(RunFooter(endedAt: at, interrupted: ending == .interrupted, ending: ending, step: step))
        }
        let pushes: [(String, [JournalRecord])] = [
            ("alice", [BoardFixture.header("alice"), BoardFixture.step("alice", "build", .passed), end(.quit, "run")]),
            ("bob", [BoardFixture.header("bob"), BoardFixture.step("bob", "build", .passed), end(.interrupted, "run")]),
            ("carol", ["build", "run", "push"].map { BoardFixture.step("carol", $0, .passed) } + [end(.finished, nil)]),
        ]
        for (learner, records) in pushes {
            let records = learner == "carol" ? [BoardFixture.header(learner)] + records : records
            _ = try await store.push(BoardFixture.body(records), learner: learner)
        }
        let rows = Dictionary(uniqueKeysWithValues: await store.matrix().learners.map { ($0.id, $0) })
        #expect(rows["alice"]?.stuck == "left at run")
        #expect(rows["bob"]?.stuck == "left at run")
        #expect(rows["carol"]?.stuck == nil, "finished every step")
        #expect(rows["dan"]?.stuck == nil && rows["dan"]?.steps.isEmpty == true, "never started: not run, not stuck")
        // Alice comes back: a new run, no longer left.
        let back = BoardFixture.header("alice", at: BoardFixture.start.addingTimeInterval(200))
        _ = try await store.push(BoardFixture.body([back], from: 4), learner: "alice")
        #expect(await store.matrix().learners.first { $0.id == "alice" }?.stuck == nil)
    }

    @Test func exportsShowSilentRosterLearnersAndStepsNeverReachedAsNotRun() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.open(directory, roster: ["alice", "bob"])
        let records = [BoardFixture.header("alice"), BoardFixture.step("alice", "build", .passed)]
        _ = try await store.push(BoardFixture.body(records), learner: "alice")
        let results = try StoreExport.results(directory: directory.path, configuration: store.configuration)
        #expect(results.learners.map(\.id) == ["alice", "bob"])
        #expect(results.learners[1].notRun == StoreExport.notReported)
        let csv = try ReportRenderer(results: results).render(.csv)
        #expect(csv.contains("alice,Alice,1,3,passed,not run,not run\r\n"), "the roster's name where the journal has none: \(csv)")
        #expect(csv.contains("bob,Bob,0,3,not run,not run,not run\r\n"), "\(csv)")
        let junit = try ReportRenderer(results: results).render(.junit)
        #expect(junit.contains("not run: \(StoreExport.notReported)"))
        let markdown = try ReportRenderer(results: results).render(.md)
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| alice") || $0.hasPrefix("| bob") }
        #expect(rows.count == 2 && rows.allSatisfy { !$0.contains("○") }, "nothing shows as skipped: \(rows)")
    }
}
