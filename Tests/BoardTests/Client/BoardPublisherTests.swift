import Foundation
import Testing
import Workflow

@testable import Board

/// The learner's publisher against a real board in-process: runs split per learner, numbering
/// that goes on after the board's, a board that was down, two machines as one learner.
@Suite("Board publisher", .serialized)
struct BoardPublisherTests {
    static func timing(finish: Duration = .seconds(10)) -> PushTiming {
        var timing = PushTiming()
        timing.firstBackoff = .milliseconds(50)
        timing.finishingBackoff = .milliseconds(50)
        timing.finishLimit = finish
        return timing
    }

    static func matrix(_ board: RunningBoard) async throws -> MatrixDocument {
        let reply = try await BoardHTTP.get("\(board.origin)/api/v1/matrix?token=\(board.token)")
        return try JSONDecoder.runbook.decode(MatrixDocument.self, from: Data(reply.body.utf8))
    }

    @Test func aRunOfTwoLearnersReachesTheBoardAsTwoJournals() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let state = directory.appendingPathComponent("state").path
        try await RunningBoard.with(BoardFixture.configuration(store: directory.appendingPathComponent("store"))) { board in
            let publisher = try BoardPublisher(
                url: JoinURL(board.joinURL), learners: ["alice", "bob"], stateHome: state, timing: Self.timing())
            try await publisher.publishing {
                publisher.journaled(
                    .run(
                        RunHeader(
                            runId: "r-1", command: "run", runbook: BoardFixture.runbook, startedAt: BoardFixture.start,
                            learners: [.init(id: "alice", name: "Alice"), .init(id: "bob", name: "Bob")], steps: BoardFixture.steps)))
                publisher.journaled(BoardFixture.step("alice", "build", .passed))
                publisher.journaled(BoardFixture.step("bob", "build", .failed))
                publisher.journaled(.end(RunFooter(endedAt: BoardFixture.start.addingTimeInterval(60), interrupted: false)))
            }
            #expect(publisher.closingNotes.isEmpty)
            let matrix = try await Self.matrix(board)
            #expect(matrix.learners.map(\.id) == ["alice", "bob"])
            #expect(matrix.learners.map { $0.steps["build"]?.status } == [.passed, .failed])
            for learner in ["alice", "bob"] {
                let lines = BoardFixture.storedLines(directory.appendingPathComponent("store"), learner)
                try #require(lines.count == 3, "run, step, end")
                let header = try JSONDecoder.runbook.decode(SequencedRecord.self, from: Data(lines[0].utf8)).record.run
                #expect(header?.learners.map(\.id) == [learner], "the run record lists only them")
            }
        }
    }

    @Test func aFreshOutboxGoesOnAfterWhatTheBoardHolds() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await RunningBoard.with(BoardFixture.configuration(store: directory.appendingPathComponent("store"))) { board in
            // Earlier, from another machine: two records.
            _ = try await BoardHTTP.push(
                board.origin, token: board.server.learnerToken("alice"),
                body: BoardFixture.body([
                    BoardFixture.header("alice"), BoardFixture.step("alice", "build", .passed),
                ]))
            let publisher = try BoardPublisher(
                url: JoinURL(board.joinURL), learners: ["alice"], stateHome: directory.appendingPathComponent("state").path,
                timing: Self.timing())
            try await publisher.publishing {
                publisher.journaled(BoardFixture.header("alice", at: BoardFixture.start.addingTimeInterval(100)))
                publisher.journaled(BoardFixture.step("alice", "run", .passed, after: 120))
            }
            let lines = BoardFixture.storedLines(directory.appendingPathComponent("store"), "alice")
            #expect(lines.count == 4, "nothing lost, nothing twice")
            let steps = try await Self.matrix(board).learners[0].steps
            #expect(steps["build"]?.status == .passed && steps["run"]?.status == .passed)
        }
    }

    @Test func recordsLeftWhileTheBoardWasDownAreSentByTheNextCommand() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let state = directory.appendingPathComponent("state").path
        var configuration = BoardFixture.configuration(store: directory.appendingPathComponent("store"))
        configuration.port = FreePort.pick()
        let url = try JoinURL("http://127.0.0.1:\(configuration.port)/join/test-code-42")
        let offline = try BoardPublisher(url: url, learners: ["alice"], stateHome: state, timing: Self.timing(finish: .milliseconds(300)))
        try await offline.publishing {
            offline.journaled(BoardFixture.header("alice"))
            offline.journaled(BoardFixture.step("alice", "build", .passed))
        }
        #expect(offline.closingNotes == ["2 records are not on the board yet; the next command that joins \(url) sends them"])
        try await RunningBoard.with(configuration) { board in
            let next = try BoardPublisher(url: url, learners: ["alice"], stateHome: state, timing: Self.timing())
            try await next.publishing {}
            #expect(next.closingNotes.isEmpty)
            #expect(try await Self.matrix(board).learners.first?.steps["build"]?.status == .passed)
        }
    }

    @Test func twoMachinesAsOneLearnerLoseNothing() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await RunningBoard.with(BoardFixture.configuration(store: directory.appendingPathComponent("store"))) { board in
            let url = try JoinURL(board.joinURL)
            let laptop = try BoardPublisher(
                url: url, learners: ["alice"], stateHome: directory.appendingPathComponent("a").path, timing: Self.timing())
            let desktop = try BoardPublisher(
                url: url, learners: ["alice"], stateHome: directory.appendingPathComponent("b").path, timing: Self.timing())
            // Both join first (each learns "the board holds 0"), then both push.
            try await laptop.publishing {
                try await desktop.publishing {
                    desktop.journaled(BoardFixture.header("alice"))
                    desktop.journaled(BoardFixture.step("alice", "run", .passed, after: 30))
                }
                // Another machine starts its own run: its header differs from the desktop's.
                laptop.journaled(BoardFixture.header("alice", at: BoardFixture.start.addingTimeInterval(5)))
                laptop.journaled(BoardFixture.step("alice", "build", .passed, after: 20))
            }
            #expect(laptop.closingNotes.isEmpty && desktop.closingNotes.isEmpty)
            #expect(BoardFixture.storedLines(directory.appendingPathComponent("store"), "alice").count == 4)
            let steps = try await Self.matrix(board).learners[0].steps
            #expect(steps["build"]?.status == .passed && steps["run"]?.status == .passed)
        }
    }

    @Test func anAnswerThatCoversAnotherMachinesRecordsAcknowledgesOnlyWhatWasSent() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await RunningBoard.with(BoardFixture.configuration(store: directory.appendingPathComponent("store"))) { board in
            let url = try JoinURL(board.joinURL)
            let desktop = try BoardPublisher(
                url: url, learners: ["alice"], stateHome: directory.appendingPathComponent("b").path, timing: Self.timing())
            try await desktop.publishing {
                desktop.journaled(BoardFixture.header("alice"))
                desktop.journaled(BoardFixture.step("alice", "run", .passed, after: 30))
            }
            // One record per batch: the laptop's header (the same as the desktop's) is answered
            // "the board holds 2"; that must not count the laptop's build, which was never sent.
            var timing = Self.timing()
            timing.batchLines = 1
            let laptop = try BoardPublisher(
                url: url, learners: ["alice"], stateHome: directory.appendingPathComponent("a").path, timing: timing)
            laptop.journaled(BoardFixture.header("alice"))
            laptop.journaled(BoardFixture.step("alice", "build", .passed, after: 20))
            let outbox = try Outbox(directory: directory.appendingPathComponent("a/runbook/outbox/\(url.key)/alice").path)
            outbox.adopt(boardAcked: 0)
            try await laptop.publishing {}
            #expect(laptop.closingNotes.isEmpty)
            // The identical header is stored once; the build follows the desktop's run.
            #expect(BoardFixture.storedLines(directory.appendingPathComponent("store"), "alice").count == 3)
            let steps = try await Self.matrix(board).learners[0].steps
            #expect(steps["build"]?.status == .passed)
        }
    }
}
