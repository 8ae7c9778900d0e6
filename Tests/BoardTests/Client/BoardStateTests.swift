import Foundation
import Testing
import Workflow

@testable import Board

/// What the learner's side knows and says (SPEC 7.1): the board state as it changes, a hand
/// raised only when acknowledged, a refused join or run said with what to do, and an exit that
/// does not wait for a board that does not answer.
@Suite("Board learner state", .serialized)
struct BoardStateTests {
    static let timing = BoardPublisherTests.timing()

    @Test func theExitGivesUpWithinASecondWhenTheBoardRefusesConnections() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = try JoinURL("http://127.0.0.1:\(FreePort.pick())/join/test-code-42")
        var timing = BoardPublisherTests.timing(finish: .seconds(900))
        timing.finishingBackoff = .milliseconds(100)
        let publisher = try BoardPublisher(url: url, learners: ["alice"], stateHome: directory.path, timing: timing)
        let clock = ContinuousClock()
        let started = clock.now
        try await publisher.publishing {
            publisher.journaled(BoardFixture.header("alice"))
            publisher.journaled(BoardFixture.step("alice", "build", .passed))
        }
        let waited = clock.now - started
        // Before, the publisher tried for the whole finish limit (900 s here) while nothing answered;
        // the bound is loose, so that a loaded machine cannot make it fail.
        #expect(waited < .seconds(300), "\(waited)")
        #expect(publisher.closingNotes == ["2 records are not on the board yet; the next command that joins \(url) sends them"])
        guard case .unreachable(_, let waiting) = publisher.state(of: "alice") else {
            Issue.record("not unreachable: \(publisher.state(of: "alice"))")
            return
        }
        #expect(waiting == 2)
    }

    @Test func aRaisedHandIsRaisedOnlyOnceTheBoardAcknowledgedIt() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let down = try JoinURL("http://127.0.0.1:\(FreePort.pick())/join/test-code-42")
        let offline = try BoardPublisher(
            url: down, learners: ["alice"], stateHome: directory.appendingPathComponent("a").path, timing: Self.timing)
        try await offline.publishing {
            offline.journaled(BoardFixture.header("alice"))
            offline.journaled(BoardFixture.hand("alice", "build", after: 1))
            guard case .waiting(let why) = await offline.delivery(of: "alice", within: .seconds(20)) else {
                Issue.record("a hand raised with the board down")
                return
            }
            #expect(why.hasPrefix("the board does not answer"))
        }
        try await RunningBoard.with(BoardFixture.configuration(store: directory.appendingPathComponent("store"))) { board in
            let publisher = try BoardPublisher(
                url: JoinURL(board.joinURL), learners: ["alice"], stateHome: directory.appendingPathComponent("b").path,
                timing: Self.timing)
            try await publisher.publishing {
                publisher.journaled(BoardFixture.header("alice"))
                #expect(await publisher.firstAnswer(of: "alice", within: .seconds(20)) != .connecting)
                publisher.journaled(BoardFixture.hand("alice", "build", after: 1))
                #expect(await publisher.delivery(of: "alice", within: .seconds(20)) == .raised)
                #expect(publisher.state(of: "alice") == .joined(learner: "alice", waiting: 0))
            }
        }
    }

    @Test func aRefusedJoinIsKnownAtOnceWithWhatToDo() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = BoardFixture.configuration(store: directory.appendingPathComponent("store"), roster: ["bob"])
        try await RunningBoard.with(configuration) { board in
            let wrongCode = try JoinURL(board.origin + "/join/not-the-code")
            let notListed = try JoinURL(board.joinURL)
            for (url, expected) in [(wrongCode, "wrong class code"), (notListed, "alice is not on this class's list")] {
                let publisher = try BoardPublisher(
                    url: url, learners: ["alice"], stateHome: directory.appendingPathComponent(url.key).path, timing: Self.timing)
                try await publisher.publishing {
                    publisher.journaled(BoardFixture.header("alice"))
                    let state = await publisher.firstAnswer(of: "alice", within: .seconds(20))
                    guard case .refused(let why) = state else {
                        Issue.record("\(url): \(state)")
                        return
                    }
                    #expect(why.hasPrefix(expected), "\(why)")
                }
            }
        }
    }

    @Test func aRunOfAnotherVersionIsRefusedWithWhatToDoAndKeptAside() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await RunningBoard.with(BoardFixture.configuration(store: directory.appendingPathComponent("store"))) { board in
            let url = try JoinURL(board.joinURL)
            let state = directory.appendingPathComponent("state").path
            let publisher = try BoardPublisher(url: url, learners: ["alice"], stateHome: state, timing: Self.timing)
            try await publisher.publishing {
                publisher.journaled(BoardFixture.header("alice", sha: String(repeating: "cd", count: 32)))
                publisher.journaled(BoardFixture.step("alice", "deploy", .passed))
            }
            guard case .refused(let why) = publisher.state(of: "alice") else {
                Issue.record("not refused: \(publisher.state(of: "alice"))")
                return
            }
            #expect(why.hasPrefix("your workshop.yaml differs from the instructor's"), "\(why)")
            #expect(why.contains("runbook guide --join \(url) --learner alice"))
            #expect(publisher.closingNotes.count == 1 && publisher.closingNotes[0].hasPrefix("your workshop.yaml differs"))
            let rejected = try String(
                contentsOfFile: "\(state)/runbook/outbox/\(url.key)/alice/rejected.jsonl", encoding: .utf8)
            #expect(rejected.split(separator: "\n").count == 2, "the refused run's records are kept aside")
            let next = try BoardPublisher(url: url, learners: ["alice"], stateHome: state, timing: Self.timing)
            try await next.publishing {
                next.journaled(BoardFixture.header("alice"))
                next.journaled(BoardFixture.step("alice", "build", .passed))
            }
            #expect(next.closingNotes.isEmpty && next.state(of: "alice") == .joined(learner: "alice", waiting: 0))
            #expect(try await BoardPublisherTests.matrix(board).learners.first?.steps["build"]?.status == .passed)
        }
    }
}
