import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import Workflow

@testable import Board

/// The board's route collections through Hummingbird's own test client (no socket): one token
/// check for each audience, the token moved from the address bar into a cookie, the
/// presentation view, wrong class codes slowed, runs of another runbook version set aside.
@Suite("Board routes")
struct BoardRoutesTests {
    /// Runs `body` against the routes of a board on a fresh store.
    static func withRoutes(
        roster: [String]? = ["alice", "bob"], limits: (inout BoardLimits) -> Void = { _ in },
        _ body: @Sendable (BoardServer, any TestClientProtocol) async throws -> Void
    ) async throws {
        let directory = try BoardFixture.temporaryDirectory("routes")
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = BoardFixture.configuration(store: directory, roster: roster)
        limits(&configuration.limits)
        let server = try BoardServer(configuration: configuration)
        try await Application(router: server.router()).test(.router) { client in try await body(server, client) }
    }

    static func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)"] }

    @Test func everyInstructorRouteChecksTheSameToken() async throws {
        try await Self.withRoutes { server, client in
            let paths = ["/", "/events", "/api/v1/matrix", "/api/v1/detail?learner=alice&step=build", "/report.csv", "/report.json"]
            for path in paths {
                #expect(try await client.execute(uri: path, method: .get).status == .unauthorized, "\(path) without a token")
                let learner = Self.bearer(server.learnerToken("alice"))
                #expect(try await client.execute(uri: path, method: .get, headers: learner).status == .unauthorized, "\(path), learner")
                let forged = Self.bearer("i.AAAA")
                #expect(try await client.execute(uri: path, method: .get, headers: forged).status == .unauthorized, "\(path), forged")
            }
            for path in ["/", "/api/v1/matrix", "/report.csv"] {
                let reply = try await client.execute(uri: path, method: .get, headers: Self.bearer(server.instructorToken))
                #expect(reply.status == .ok, "\(path)")
                #expect(try await client.execute(uri: path + "?token=\(server.instructorToken)", method: .get).status != .unauthorized)
            }
            let page = try await client.execute(uri: "/", method: .get)
            #expect(page.headers[.contentType]?.hasPrefix("text/plain") == true, "a sentence for a person")
            let api = try await client.execute(uri: "/api/v1/matrix", method: .get)
            #expect(api.headers[.contentType] == "application/json", "JSON for a program")
        }
    }

    @Test func theJournalTakesOnlyALearnersToken() async throws {
        try await Self.withRoutes { server, client in
            let body = ByteBuffer(bytes: BoardFixture.body([BoardFixture.header("alice")]))
            for token in [server.instructorToken, "l.alice.AAAA", server.learnerToken("mallory")] {
                let reply = try await client.execute(uri: "/api/v1/journal", method: .post, headers: Self.bearer(token), body: body)
                #expect(reply.status == .unauthorized, "\(token)")
            }
            let stored = try await client.execute(
                uri: "/api/v1/journal", method: .post, headers: Self.bearer(server.learnerToken("alice")), body: body)
            #expect(stored.status == .ok)
            #expect(String(buffer: stored.body) == "{\"acked\":1}")
        }
    }

    @Test func thePageMovesTheTokenFromTheAddressIntoAnHttpOnlyCookie() async throws {
        try await Self.withRoutes { server, client in
            let token = server.instructorToken
            let first = try await client.execute(uri: "/?token=\(token)", method: .get)
            #expect(first.status == .seeOther)
            #expect(first.headers[.location] == "/", "the browser goes back to the address without the token")
            let cookie = try #require(first.headers[.setCookie])
            #expect(cookie.hasPrefix("runbook_board=\(token);"))
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"), "plain HTTP here")
            let page = try await client.execute(uri: "/", method: .get, headers: [.cookie: "runbook_board=\(token)"])
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(!html.contains(token), "the page itself carries no token")
            #expect(html.contains("<body class=\"board\">"))
            // (Not /events here: its stream never ends, and this client waits for whole bodies.)
            for path in ["/api/v1/matrix", "/api/v1/detail?learner=alice&step=build", "/report.md"] {
                let reply = try await client.execute(uri: path, method: .get, headers: [.cookie: "theme=dark; runbook_board=\(token)"])
                #expect(reply.status != .unauthorized, "\(path): the page's own requests carry the cookie")
            }
            let presenting = try await client.execute(uri: "/?token=\(token)&present=1", method: .get)
            #expect(presenting.headers[.location] == "/?present=1")
            let wrong = try await client.execute(uri: "/?token=i.forged", method: .get)
            #expect(wrong.status == .unauthorized && wrong.headers[.setCookie] == nil)
        }
    }

    @Test func thePresentationViewShowsCountsStuckLearnersAndHandsOnly() async throws {
        try await Self.withRoutes { server, client in
            let alice = [
                BoardFixture.header("alice", name: "Alice"), BoardFixture.step("alice", "build", .passed),
                BoardFixture.step("alice", "run", .failed, after: 20), BoardFixture.step("alice", "run", .failed, after: 30),
            ]
            let bob = [BoardFixture.header("bob"), BoardFixture.step("bob", "build", .passed), BoardFixture.hand("bob", "run", after: 40)]
            for (learner, records) in [("alice", alice), ("bob", bob)] {
                let reply = try await client.execute(
                    uri: "/api/v1/journal", method: .post, headers: Self.bearer(server.learnerToken(learner)),
                    body: ByteBuffer(bytes: BoardFixture.body(records)))
                #expect(reply.status == .ok)
            }
            let page = try await client.execute(uri: "/?present=1", method: .get, headers: Self.bearer(server.instructorToken))
            let html = String(buffer: page.body)
            #expect(html.contains("<body class=\"board present\">"))
            #expect(html.contains("<b class=\"pcount\" data-step=\"build\">2</b><span class=\"ptotal\">/ 2</span>"))
            #expect(html.contains("<b class=\"pcount\" data-step=\"run\">0</b>"))
            let stuck = try #require(html.range(of: "<ul id=\"present-stuck\">").map { html[$0.upperBound...].prefix(300) })
            #expect(stuck.contains("alice") && stuck.contains("failed 2 times at run"))
            let hands = try #require(html.range(of: "<ul id=\"present-hands\">").map { html[$0.upperBound...].prefix(300) })
            #expect(hands.contains("bob") && hands.contains("✋ run"))
        }
    }

    @Test func wrongClassCodesAreSlowedAndThenEveryJoinWaits() async throws {
        // A first wait of a minute rather than a second: a loaded machine must not outlast it between two requests.
        let slow = { (limits: inout BoardLimits) in limits.firstWrongJoinWait = .seconds(60) }
        try await Self.withRoutes(limits: slow) { _, client in
            func join(_ code: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/api/v1/join", method: .post, body: ByteBuffer(string: "{\"code\":\"\(code)\",\"learner\":\"alice\"}"))
            }
            for attempt in 1...10 {
                #expect(try await join("guess-\(attempt)").status == .unauthorized, "wrong join \(attempt) is only refused")
            }
            let eleventh = try await join("guess-11")
            #expect(eleventh.status == .tooManyRequests)
            #expect(eleventh.headers[.retryAfter] == "60")
            let right = try await join("test-code-42")
            #expect(right.status == .tooManyRequests, "while it waits, not even the right code is looked at")
            #expect(try await client.execute(uri: "/join/guess-12", method: .get).status == .tooManyRequests, "the join page too")
        }
    }

    @Test func aRunOfAnotherRunbookVersionIsSetAsideUpToTheNextRun() async throws {
        try await Self.withRoutes { server, client in
            let token = Self.bearer(server.learnerToken("alice"))
            let other = BoardFixture.body([
                BoardFixture.header("alice", sha: String(repeating: "cd", count: 32)), BoardFixture.step("alice", "deploy", .passed),
                BoardFixture.step("alice", "build", .passed),
            ])
            let refused = try await client.execute(uri: "/api/v1/journal", method: .post, headers: token, body: ByteBuffer(bytes: other))
            #expect(refused.status == .ok, "acknowledged, so that the learner's later runs are stored")
            let answer = try JSONDecoder().decode(PushReceipt.self, from: Data(buffer: refused.body))
            #expect(answer.acked == 3)
            #expect(answer.refused?.map { [$0.from, $0.to] } == [[1, 3]])
            #expect(answer.refused?.first?.reason.hasPrefix("runbook sha256 cdcdcdcdcdcd… is not the served one") == true)
            let right = BoardFixture.body([BoardFixture.header("alice"), BoardFixture.step("alice", "build", .passed)], from: 4)
            let stored = try await client.execute(uri: "/api/v1/journal", method: .post, headers: token, body: ByteBuffer(bytes: right))
            #expect(String(buffer: stored.body) == "{\"acked\":5}")
            let matrix = try await client.execute(uri: "/api/v1/matrix", method: .get, headers: Self.bearer(server.instructorToken))
            let document = try JSONDecoder.runbook.decode(MatrixDocument.self, from: Data(buffer: matrix.body))
            let row = document.learners.first { $0.id == "alice" }
            #expect(row?.steps.keys.sorted() == ["build"], "nothing of the refused run")
            #expect(row?.stuck == nil)
        }
    }
}
