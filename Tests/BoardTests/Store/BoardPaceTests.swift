import Foundation
import Testing
import Workflow

@testable import Board

/// `serve --timings` (SPEC 11.3): a learner is stuck on a step after its p90 plus its median (at
/// least 2 minutes) without a pass, behind the room's median after its median; and the highest
/// hint a learner saw per step (SPEC 11.1), in the cell and its details.
@Suite("Board pace and hints")
struct BoardPaceTests {
    static let start = BoardFixture.start

    static func open(_ directory: URL, timings: [String: StepTiming], stuckAfter: TimeInterval = 3600) throws -> BoardStore {
        var configuration = BoardFixture.configuration(store: directory, stuckAfter: stuckAfter)
        configuration.timings = timings
        return try BoardStore(configuration: configuration, broadcaster: BoardStoreTests.broadcaster())
    }

    static func row(_ store: BoardStore, _ id: String) async -> MatrixRow? {
        await store.matrix().learners.first { $0.id == id }
    }

    @Test func stuckAfterP90PlusMedianBehindAfterTheMedian() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let timings = [
            "build": StepTiming(step: "build", n: 12, medianSeconds: 200, p90Seconds: 400),
            "run": StepTiming(step: "run", n: 12, medianSeconds: 20, p90Seconds: 40),
        ]
        let store = try Self.open(directory, timings: timings)
        let opening = [BoardFixture.header("alice"), BoardFixture.shown("alice", "build", after: 0)]
        _ = try await store.push(BoardFixture.body(opening), learner: "alice")
        await store.refreshStuck(now: Self.start.addingTimeInterval(100))
        var row = await Self.row(store, "alice")
        #expect(row?.stuck == nil && row?.behind == nil, "within the median")
        await store.refreshStuck(now: Self.start.addingTimeInterval(300))
        row = await Self.row(store, "alice")
        #expect(row?.stuck == nil)
        #expect(row?.behind == "on build for 5m00s, longer than the room's median (3m20s)", "\(row?.behind ?? "nil")")
        await store.refreshStuck(now: Self.start.addingTimeInterval(600))
        row = await Self.row(store, "alice")
        #expect(row?.stuck == "on build for 10m00s (the room's median: 3m20s)")
        #expect(row?.behind == nil, "a stuck learner is flagged stuck, not behind")

        // Passing the step ends it; the next step's rule is at least 2 minutes (20 s + 40 s is less).
        let next = [BoardFixture.step("alice", "build", .passed, after: 601), BoardFixture.shown("alice", "run", after: 601)]
        _ = try await store.push(BoardFixture.body(next, from: 3), learner: "alice")
        await store.refreshStuck(now: Self.start.addingTimeInterval(601 + 90))
        row = await Self.row(store, "alice")
        #expect(row?.stuck == nil)
        #expect(row?.behind != nil)
        await store.refreshStuck(now: Self.start.addingTimeInterval(601 + 120))
        #expect(await Self.row(store, "alice")?.stuck == "on run for 2m00s (the room's median: 20s)")
        let document = await store.matrix()
        #expect(document.steps.map(\.medianSeconds) == [200, 20, nil])
    }

    @Test func withoutATimingTheStuckAfterRuleStays() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let long = ["build": StepTiming(step: "build", n: 3, medianSeconds: 600, p90Seconds: 900)]
        let store = try Self.open(directory, timings: long, stuckAfter: 300)
        let records = [BoardFixture.header("bob"), BoardFixture.shown("bob", "push", after: 0)]
        _ = try await store.push(BoardFixture.body(records), learner: "bob")
        await store.refreshStuck(now: Self.start.addingTimeInterval(400))
        #expect(await Self.row(store, "bob")?.stuck == "no step passed in 5m00s", "push has no timing")
        let timed = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: timed) }
        let other = try Self.open(timed, timings: long, stuckAfter: 300)
        _ = try await other.push(
            BoardFixture.body([BoardFixture.header("cy"), BoardFixture.shown("cy", "build", after: 0)]), learner: "cy")
        await other.refreshStuck(now: Self.start.addingTimeInterval(400))
        #expect(await Self.row(other, "cy")?.stuck == nil, "a long step's own rule wins over --stuck-after")
    }

    @Test func theHighestHintSeenStaysInTheCellAndItsDetails() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.open(directory, timings: [:])
        var failed = try #require(BoardFixture.step("dee", "build", .failed).step)
        failed.hintsShown = 2
        failed.hints = ["one", "two", "three"]
        var passed = try #require(BoardFixture.step("dee", "build", .passed, after: 30).step)
        passed.hintsShown = 0
        _ = try await store.push(BoardFixture.body([BoardFixture.header("dee"), .step(failed), .step(passed)]), learner: "dee")
        let cell = await Self.row(store, "dee")?.steps["build"]
        #expect(cell?.status == .passed)
        #expect(cell?.hintsShown == 2, "the highest count, not the latest")
        let detail = await store.detail(learner: "dee", step: "build")
        #expect(detail?.hintsShown == 2)
        let page = BoardPage(document: await store.matrix(), joinURL: "http://x/join/c", nonce: "n").render()
        #expect(page.contains("<sup class=\"hints\" title=\"2 hints seen\">2</sup>"))
        #expect(!page.contains("behind the room's median"), "no timings, no count")
    }
}
