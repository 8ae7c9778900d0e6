import Foundation
import Hummingbird
import Workflow

/// What anyone with the class code may call (SPEC 7): `POST /api/v1/join` and the page of
/// `GET /join/CODE`. Wrong codes are slowed per client address (`JoinThrottle`).
struct JoinRoutes: Sendable {
    /// The board.
    let store: BoardStore
    /// The tokens.
    let auth: BoardAuth
    /// The class code.
    let code: String
    /// Where learners reach the board.
    let origin: BoardOrigin
    /// The wrong-code brake.
    let throttle: JoinThrottle

    /// The body of a join.
    struct Join: Decodable {
        /// The class code.
        var code: String
        /// The learner's id.
        var learner: String
    }

    /// The answer to a join: the learner's token, and the highest seq the board holds of theirs
    /// (a learner whose outbox is new goes on numbering from there).
    struct Joined: Encodable {
        /// The learner's bearer token.
        var token: String
        /// The highest contiguous seq stored for them (0: none).
        var acked: Int
    }

    /// The routes.
    var collection: RouteCollection<BoardRequestContext> {
        let routes = RouteCollection(context: BoardRequestContext.self)
        routes.post("/api/v1/join") { request, context in await join(request, context: context) }
        routes.get("/join/:code") { request, context in joinPage(request, context: context) }
        return routes
    }

    /// `POST /api/v1/join {"code", "learner"}`: 401 for a wrong code, 400 for an id that may not join,
    /// 429 while the client's address waits after too many wrong codes.
    func join(_ request: Request, context: BoardRequestContext) async -> Response {
        if case .wait(let seconds) = throttle.admit(context.client) { return Self.slowDown(seconds) }
        let limit = store.configuration.limits.maxJoinBytes
        guard let body = await RequestBodyReader.body(of: request, limit: limit) else {
            return BoardResponse.error(.contentTooLarge, "a join is at most \(limit) bytes")
        }
        guard let join = try? JSONDecoder().decode(Join.self, from: Data(body)) else {
            return BoardResponse.error(.badRequest, "a join is {\"code\": CODE, \"learner\": ID}")
        }
        guard Self.constantTimeEqual(join.code, code) else {
            if case .wait(let seconds) = throttle.wrongCode(from: context.client) { return Self.slowDown(seconds) }
            return BoardResponse.error(.unauthorized, "wrong class code")
        }
        guard LearnerId.isValid(join.learner) else {
            return BoardResponse.error(.badRequest, "a learner id is lowercase letters, digits, '-' and '_', from a letter or digit")
        }
        guard store.admits(join.learner) else { return BoardResponse.error(.badRequest, "\(join.learner) is not on this class's roster") }
        if let refusal = await store.refusal(for: join.learner) { return BoardResponse.error(.badRequest, refusal) }
        return BoardResponse.json(Joined(token: auth.signer.learnerToken(join.learner), acked: await store.acked(for: join.learner)))
    }

    /// `GET /join/CODE`: tells a learner the command to run (401 for a wrong code, slowed like a join).
    func joinPage(_ request: Request, context: BoardRequestContext) -> Response {
        if case .wait(let seconds) = throttle.admit(context.client) { return Self.slowDown(seconds) }
        guard let given = context.parameters.get("code"), Self.constantTimeEqual(given, code) else {
            if case .wait(let seconds) = throttle.wrongCode(from: context.client) { return Self.slowDown(seconds) }
            let message = "Wrong class code: ask your instructor for the join line.\n"
            return BoardResponse.text(message, type: "text/plain", status: .unauthorized)
        }
        let configuration = store.configuration
        let page = JoinPage(
            joinURL: origin.joinURL(for: request, code: code), title: configuration.runbook.title, roster: configuration.roster != nil)
        if request.headers[.accept]?.contains("text/html") == true {
            let policy = "default-src 'none'; style-src 'unsafe-inline'"
            return BoardResponse.text(page.html(), type: "text/html", extra: [.init("Content-Security-Policy")!: policy])
        }
        return BoardResponse.text(page.plainText(), type: "text/plain")
    }

    /// 429 with `Retry-After`.
    static func slowDown(_ seconds: Int) -> Response {
        var response = BoardResponse.error(.tooManyRequests, "too many wrong class codes from this address: wait \(seconds) s")
        response.headers[.retryAfter] = String(seconds)
        return response
    }

    /// Compares two secrets without stopping at the first difference.
    static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<min(left.count, right.count) { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
