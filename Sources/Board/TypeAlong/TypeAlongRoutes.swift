import Foundation
import Hummingbird

/// Type-along on the board (SPEC 11.2): `POST /api/v1/instructor` (the instructor's token) adds a
/// command the instructor ran; `GET /api/v1/instructor?after=SEQ&wait=S` (a learner's or the
/// instructor's token) answers the commands after SEQ, waiting up to S seconds (at most 25, under
/// the board's 60 s idle limit) for the next one: a long poll, so that a guide sees a command as
/// soon as the board has it.
struct TypeAlongRoutes: Sendable {
    /// The instructor's stream.
    let feed: InstructorFeed
    /// The tokens.
    let auth: BoardAuth
    /// The longest wait of a poll.
    static let longestWait = 25

    private struct Posted: Decodable {
        var command: String
        var exitStatus: Int32?
        var output: [String]?
    }

    private struct Page: Encodable {
        var entries: [InstructorEntry]
        var latest: Int
    }

    /// The routes.
    var collection: RouteCollection<BoardRequestContext> {
        let routes = RouteCollection(context: BoardRequestContext.self)
        routes.add(
            middleware: BoardAuthMiddleware(auth: auth, role: .member) { _ in
                BoardResponse.error(.unauthorized, "a learner's or the instructor's token is needed")
            })
        routes.post("/api/v1/instructor") { request, context in await post(request, context: context) }
        routes.get("/api/v1/instructor") { request, _ in await poll(request) }
        return routes
    }

    /// Adds a command (instructor only); answers its seq.
    func post(_ request: Request, context: BoardRequestContext) async -> Response {
        guard context.identity == .instructor else {
            return BoardResponse.error(.forbidden, "only the instructor's token shares commands")
        }
        guard let body = await RequestBodyReader.body(of: request, limit: 64 * 1024) else {
            return BoardResponse.error(.contentTooLarge, "a shared command is at most 64 KiB")
        }
        guard let posted = try? JSONDecoder().decode(Posted.self, from: Data(body)) else {
            return BoardResponse.error(.badRequest, "expected {\"command\": …, \"exitStatus\": …, \"output\": […]}")
        }
        let entry = await feed.append(command: posted.command, exitStatus: posted.exitStatus, output: posted.output ?? [])
        return BoardResponse.json(["seq": entry.seq])
    }

    /// The commands after `after`, waiting up to `wait` seconds for one.
    func poll(_ request: Request) async -> Response {
        let query = request.uri.queryParameters
        let after = query.get("after").flatMap { Int($0) } ?? 0
        let wait = min(Self.longestWait, max(0, query.get("wait").flatMap { Int($0) } ?? 0))
        let entries = await feed.entries(after: after, wait: .seconds(wait))
        return BoardResponse.json(Page(entries: entries, latest: await feed.latest))
    }
}
