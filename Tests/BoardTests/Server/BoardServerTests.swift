import Foundation
import Testing
import Workflow

@testable import Board

/// The board's HTTP side in-process on 127.0.0.1: joins, pushes, hostile clients, the page,
/// the exports and server-sent events that resume after a dropped connection.
@Suite("Board server", .serialized)
struct BoardServerTests {
    @Test func joinsAnswerTokensAndRefuseWrongCodesAndIds() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await RunningBoard.with(BoardFixture.configuration(store: directory, roster: ["alice", "bob"])) { board in
            let joined = try await BoardHTTP.join(board.origin, code: "test-code-42", learner: "alice")
            #expect(joined.status == 200)
            #expect(joined.json["token"] as? String == board.server.learnerToken("alice"))
            #expect(joined.json["acked"] as? Int == 0)
            #expect(try await BoardHTTP.join(board.origin, code: "wrong", learner: "alice").status == 401)
            #expect(try await BoardHTTP.join(board.origin, code: "test-code-42", learner: "Not Valid").status == 400)
            #expect(try await BoardHTTP.join(board.origin, code: "test-code-42", learner: "mallory").status == 400, "not on the roster")
            #expect(try await BoardHTTP.post("\(board.origin)/api/v1/join", body: Array("nope".utf8)).status == 400)
        }
    }

    @Test func hostilePushesAreRefusedAndStoreNothing() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await RunningBoard.with(BoardFixture.configuration(store: directory)) { board in
            let token = try await BoardHTTP.join(board.origin, code: "test-code-42", learner: "alice").json["token"] as? String ?? ""
            let good = BoardFixture.body([BoardFixture.header("alice")])
            #expect(try await BoardHTTP.push(board.origin, token: "l.alice.AAAA", body: good).status == 401)
            #expect(try await BoardHTTP.push(board.origin, token: board.token, body: good).status == 401, "the instructor is not a learner")
            #expect(try await BoardHTTP.post("\(board.origin)/api/v1/journal", body: good).status == 401)
            let huge = [UInt8](repeating: 0x20, count: 2 << 20)
            #expect(try await BoardHTTP.push(board.origin, token: token, body: huge).status == 413)
            let bad = [
                BoardFixture.body([BoardFixture.header("alice"), BoardFixture.step("bob", "build", .passed)]),
                BoardFixture.body([BoardFixture.header("alice"), BoardFixture.step("alice", "deploy", .passed)]),
                good + Array("{\"seq\":2,\"type\":\n".utf8),
            ]
            for body in bad {
                let reply = try await BoardHTTP.push(board.origin, token: token, body: body)
                #expect(reply.status == 400, "\(reply.body)")
                #expect(reply.json["line"] as? Int != nil, "the refusal names the line: \(reply.body)")
            }
            #expect(
                !FileManager.default.fileExists(atPath: directory.appendingPathComponent("alice.jsonl").path), "nothing of any batch stored"
            )
            let stored = try await BoardHTTP.push(board.origin, token: token, body: good)
            #expect(stored.status == 200)
            #expect(stored.json["acked"] as? Int == 1)
        }
    }

    @Test func theBoardAndItsDataNeedTheInstructorsTokenAndEscapeLearnerText() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await RunningBoard.with(BoardFixture.configuration(store: directory)) { board in
            let evil = "<script>alert(1)</script>"
            let token = board.server.learnerToken("alice")
            _ = try await BoardHTTP.push(
                board.origin, token: token,
                body: BoardFixture.body([
                    BoardFixture.header("alice", name: evil), BoardFixture.step("alice", "build", .failed),
                ]))
            for path in ["/", "/api/v1/matrix", "/events", "/report.html", "/api/v1/detail?learner=alice&step=build"] {
                #expect(try await BoardHTTP.get(board.origin + path).status == 401, "\(path)")
                #expect(
                    try await BoardHTTP.get(board.origin + path, headers: ["Authorization": "Bearer \(token)"]).status == 401, "\(path)")
            }
            let page = try await BoardHTTP.get("\(board.origin)/", headers: ["Authorization": "Bearer \(board.token)"])
            #expect(page.status == 200)
            #expect(!page.body.contains(board.token), "no token in the page: it travels in the cookie")
            #expect(!page.body.contains(evil), "the learner's name is escaped")
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(page.body.components(separatedBy: "<script").count == 3, "only the page's data block and its own script")
            #expect(page.headers["content-security-policy"]?.contains("script-src 'nonce-") == true)
            let matrix = try await BoardHTTP.get("\(board.origin)/api/v1/matrix", headers: ["Authorization": "Bearer \(board.token)"])
            let decoded = try JSONDecoder.runbook.decode(MatrixDocument.self, from: Data(matrix.body.utf8))
            #expect(decoded.learners.map(\.name) == [evil], "JSON keeps the text as data")
        }
    }

    @Test func exportsAreWhatRunbookReportMakesOfTheStore() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await RunningBoard.with(BoardFixture.configuration(store: directory)) { board in
            for learner in ["bob", "alice"] {
                _ = try await BoardHTTP.push(
                    board.origin, token: board.server.learnerToken(learner),
                    body: BoardFixture.body([
                        BoardFixture.header(learner), BoardFixture.step(learner, "build", learner == "bob" ? .failed : .passed),
                    ]))
            }
            let paths = ["alice", "bob"].map { directory.appendingPathComponent("\($0).jsonl").path }
            let merged = try ResultsMerger().merge(
                try paths.map { ResultsMerger.Input(name: $0, results: try JournalReader.read(path: $0)) })
            for format in ReportFormat.allCases {
                let reply = try await BoardHTTP.get("\(board.origin)/report.\(format.rawValue)?token=\(board.token)")
                #expect(reply.status == 200, "\(format)")
                #expect(reply.body == (try ReportRenderer(results: merged).render(format)), "\(format)")
            }
        }
    }

    @Test func eventsFollowPushesAndResumeFromTheLastEventId() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await RunningBoard.with(BoardFixture.configuration(store: directory)) { board in
            let token = board.server.learnerToken("alice")
            _ = try await BoardHTTP.push(board.origin, token: token, body: BoardFixture.body([BoardFixture.header("alice")]))
            let url = "\(board.origin)/events?token=\(board.token)"
            // A new follower gets a snapshot, then each change; it drops the connection after the first change.
            let seen = EventLog()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await BoardHTTP.events(url) { event in
                        seen.append(event)
                        return event.name != "learner"
                    }
                }
                while seen.all.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
                _ = try await BoardHTTP.push(
                    board.origin, token: token, body: BoardFixture.body([BoardFixture.step("alice", "build", .passed)], from: 2))
                try await group.waitForAll()
            }
            let first = seen.all
            #expect(first.map(\.name) == ["snapshot", "learner"])
            let lastId = try #require(first.last?.id)
            // While it is away, two more changes; coming back with its last id, it gets exactly those.
            _ = try await BoardHTTP.push(
                board.origin, token: token, body: BoardFixture.body([BoardFixture.step("alice", "run", .passed, after: 20)], from: 3))
            _ = try await BoardHTTP.push(
                board.origin, token: token, body: BoardFixture.body([BoardFixture.hand("alice", "push", after: 30)], from: 4))
            let resumed = EventLog()
            try await BoardHTTP.events(url, lastEventId: lastId) { event in resumed.append(event) < 2 }
            let events = resumed.all
            #expect(events.map(\.name) == ["learner", "learner"], "no snapshot: it resumed")
            let rows = try events.map { try JSONDecoder.runbook.decode(MatrixRow.self, from: Data($0.data.utf8)) }
            #expect(rows.map(\.passed) == [2, 2])
            #expect(rows.last?.hand?.step == "push")
            #expect(events.map(\.id) != first.map(\.id))
            // An id from another server start gets a snapshot instead.
            let foreign = EventLog()
            try await BoardHTTP.events(url, lastEventId: "other-7") { event in foreign.append(event) < 1 }
            #expect(foreign.all.map(\.name) == ["snapshot"])
        }
    }

    @Test func aRestartedServerKeepsItsTokensCodeAndBoard() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = BoardFixture.configuration(store: directory)
        configuration.code = nil
        let first = try await RunningBoard.with(configuration) { board in
            _ = try await BoardHTTP.push(
                board.origin, token: board.server.learnerToken("alice"), body: BoardFixture.body([BoardFixture.header("alice")]))
            return [board.token, board.server.learnerToken("alice"), board.server.code]
        }
        let mode =
            try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("secret").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try await RunningBoard.with(configuration) { board in
            #expect([board.token, board.server.learnerToken("alice"), board.server.code] == first)
            let reply = try await BoardHTTP.push(
                board.origin, token: first[1], body: BoardFixture.body([BoardFixture.step("alice", "build", .passed)], from: 2))
            #expect(reply.json["acked"] as? Int == 2)
            #expect(try await BoardHTTP.get("\(board.origin)/join/\(first[2])").status == 200)
        }
    }
}
