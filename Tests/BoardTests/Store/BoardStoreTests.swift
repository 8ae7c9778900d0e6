import Foundation
import Testing
import Workflow

@testable import Board

/// The store: every record exactly once, refusals that store nothing, the board rebuilt
/// exactly from the journals, stuck learners and raised hands.
@Suite("Board store")
struct BoardStoreTests {
    static func open(_ directory: URL, roster: [String]? = nil, stuckAfter: TimeInterval = 3600) throws -> BoardStore {
        try BoardStore(
            configuration: BoardFixture.configuration(store: directory, roster: roster, stuckAfter: stuckAfter), broadcaster: broadcaster())
    }

    static func broadcaster() -> EventBroadcaster {
        EventBroadcaster(historyBytes: 1 << 20, backlog: 100, subscribers: 4)
    }

    @Test func aRetriedBatchIsStoredOnceAndOverlapsAreTrimmed() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.open(directory)
        let first = [BoardFixture.header("alice"), BoardFixture.step("alice", "build", .passed)]
        #expect(try await store.push(BoardFixture.body(first), learner: "alice").acked == 2)
        #expect(try await store.push(BoardFixture.body(first), learner: "alice").acked == 2, "the same batch again (its ack was lost)")
        let overlapping = [BoardFixture.step("alice", "build", .passed), BoardFixture.step("alice", "run", .failed, after: 20)]
        #expect(try await store.push(BoardFixture.body(overlapping, from: 2), learner: "alice").acked == 3)
        let lines = BoardFixture.storedLines(directory, "alice")
        #expect(lines.count == 3)
        #expect(lines.map { (try? JSONDecoder.runbook.decode(SequencedRecord.self, from: Data($0.utf8)))?.seq } == [1, 2, 3])
    }

    @Test func aSeqStoredWithOtherContentOrAGapIsAConflictThatStoresNothing() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.open(directory)
        _ = try await store.push(
            BoardFixture.body([BoardFixture.header("alice"), BoardFixture.step("alice", "build", .passed)]), learner: "alice")
        await #expect(throws: BatchRejection(.conflict, "seq 2 is stored already with another record", line: 1, acked: 2)) {
            try await store.push(BoardFixture.body([BoardFixture.step("alice", "build", .failed)], from: 2), learner: "alice")
        }
        await #expect(throws: BatchRejection(.conflict, "seq 5 leaves a gap after 2", line: 1, acked: 2)) {
            try await store.push(BoardFixture.body([BoardFixture.step("alice", "run", .passed)], from: 5), learner: "alice")
        }
        #expect(BoardFixture.storedLines(directory, "alice").count == 2)
    }

    @Test func aLearnersJournalStartsWithTheirRunRecord() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.open(directory)
        await #expect(throws: BatchRejection.self) {
            try await store.push(BoardFixture.body([BoardFixture.step("alice", "build", .passed)]), learner: "alice")
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("alice.jsonl").path))
        #expect(await store.acked(for: "alice") == 0)
    }

    @Test func reopeningTheStoreRestoresTheBoardExactly() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.open(directory, roster: ["carol", "alice", "bob"])
        _ = try await store.push(
            BoardFixture.body([BoardFixture.header("bob", name: "Bob"), BoardFixture.step("bob", "build", .failed)]), learner: "bob")
        _ = try await store.push(
            BoardFixture.body([
                BoardFixture.header("alice", name: "<b>Alice</b>"), BoardFixture.step("alice", "build", .passed),
                BoardFixture.hand("alice", "run", after: 30),
            ]), learner: "alice")
        let before = await store.matrix()
        let reopened = try Self.open(directory, roster: ["carol", "alice", "bob"])
        var after = await reopened.matrix()
        after.event = before.event
        #expect(after == before)
        #expect(before.learners.map(\.id) == ["carol", "alice", "bob"], "roster order, with a row for carol who never reported")
        #expect(before.steps.map(\.passed) == [1, 0, 0])
        #expect(before.learners[1].name == "<b>Alice</b>")
        #expect(before.learners[1].hand?.step == "run")
        #expect(await reopened.acked(for: "alice") == 3)
    }

    @Test func aTornLastLineIsCutAndAnyOtherBadLineNamesItsPlace() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let journal = directory.appendingPathComponent("alice.jsonl")
        let good = BoardFixture.body([BoardFixture.header("alice"), BoardFixture.step("alice", "build", .passed)])
        try Data(good + Array("{\"seq\":3,\"type\":\"st".utf8)).write(to: journal)
        let store = try Self.open(directory)
        #expect(await store.acked(for: "alice") == 2)
        #expect(try Data(contentsOf: journal) == Data(good), "the torn line is gone; the learner pushes it again")

        try Data(BoardFixture.body([BoardFixture.header("alice")]) + Array("not json\n".utf8) + good).write(to: journal)
        #expect(throws: BoardStoreError(path: journal.path, line: 2, message: "not a journal record with a seq (not JSON)")) {
            try Self.open(directory)
        }
    }

    @Test func aStepFailedTwiceMakesTheLearnerStuckUntilItPasses() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.open(directory)
        _ = try await store.push(
            BoardFixture.body([BoardFixture.header("alice"), BoardFixture.step("alice", "build", .failed, after: 10)]), learner: "alice")
        #expect(await store.matrix().learners[0].stuck == nil, "once is not stuck")
        // A guide re-journals its latest result when it starts again: the same failure is not a second one.
        _ = try await store.push(BoardFixture.body([BoardFixture.step("alice", "build", .failed, after: 10)], from: 3), learner: "alice")
        #expect(await store.matrix().learners[0].stuck == nil)
        _ = try await store.push(BoardFixture.body([BoardFixture.step("alice", "build", .timeout, after: 20)], from: 4), learner: "alice")
        #expect(await store.matrix().learners[0].stuck == "timed out 2 times at build")
        _ = try await store.push(BoardFixture.body([BoardFixture.step("alice", "build", .passed, after: 30)], from: 5), learner: "alice")
        #expect(await store.matrix().learners[0].stuck == nil)
    }

    @Test func noStepPassedForStuckAfterMakesTheLearnerStuckOnTheNextTick() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.open(directory, stuckAfter: 300)
        _ = try await store.push(
            BoardFixture.body([BoardFixture.header("alice"), BoardFixture.step("alice", "build", .passed, after: 10)]), learner: "alice")
        await store.refreshStuck(now: BoardFixture.start.addingTimeInterval(200))
        #expect(await store.matrix().learners[0].stuck == nil)
        await store.refreshStuck(now: BoardFixture.start.addingTimeInterval(400))
        #expect(await store.matrix().learners[0].stuck == "no step passed in 5m00s")
        _ = try await store.push(
            BoardFixture.body(
                [
                    BoardFixture.step("alice", "run", .passed, after: 500), BoardFixture.step("alice", "push", .passed, after: 510),
                ], from: 3), learner: "alice")
        await store.refreshStuck(now: BoardFixture.start.addingTimeInterval(5000))
        #expect(await store.matrix().learners[0].stuck == nil, "a learner who passed every step is not stuck")
    }

    @Test func aRaisedHandStaysUntilTheNextPassedStep() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.open(directory)
        _ = try await store.push(
            BoardFixture.body([
                BoardFixture.header("alice"), BoardFixture.step("alice", "build", .passed, after: 10),
                BoardFixture.hand("alice", "run", after: 20),
                BoardFixture.step("alice", "run", .failed, after: 30), BoardFixture.step("alice", "build", .passed, after: 10),
            ]), learner: "alice")
        #expect(await store.matrix().learners[0].hand?.step == "run", "a failure, or an older pass journaled again, leaves it up")
        _ = try await store.push(BoardFixture.body([BoardFixture.step("alice", "run", .passed, after: 40)], from: 6), learner: "alice")
        #expect(await store.matrix().learners[0].hand == nil)
    }

    @Test func aCellOpensItsFailureCommandOutputAndHint() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.open(directory)
        _ = try await store.push(
            BoardFixture.body([
                BoardFixture.header("alice"),
                BoardFixture.step("alice", "build", .failed, output: "compiling\nerror: <missing> semicolon\n"),
            ]), learner: "alice")
        let detail = try #require(await store.detail(learner: "alice", step: "build"))
        #expect(detail.status == .failed)
        #expect(detail.command == "make build")
        #expect(detail.hint == "hint for build")
        #expect(detail.explanation.contains("exit: expected 0, got 1"))
        #expect(detail.output == "compiling\nerror: <missing> semicolon\n")
        #expect(await store.detail(learner: "alice", step: "push") == nil)
    }

    @Test func withoutARosterTheBoardTakesAtMostItsLimitOfLearners() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = BoardFixture.configuration(store: directory)
        configuration.limits.maxLearners = 2
        let store = try BoardStore(configuration: configuration, broadcaster: Self.broadcaster())
        for learner in ["alice", "bob"] {
            _ = try await store.push(BoardFixture.body([BoardFixture.header(learner)]), learner: learner)
        }
        #expect(await store.refusal(for: "alice") == nil)
        #expect(await store.refusal(for: "carol") != nil)
        await #expect(throws: BatchRejection.self) {
            try await store.push(BoardFixture.body([BoardFixture.header("carol")]), learner: "carol")
        }
        #expect(store.admits("carol") && !store.admits("Carol") && !store.admits("-x"))
        let rostered = try Self.open(directory, roster: ["alice"])
        #expect(rostered.admits("alice") && !rostered.admits("bob"))
    }
}
