import Foundation
import Hummingbird
import Workflow

/// What anyone with the class code may call to join (SPEC 7): `POST /api/v1/join`. Wrong codes
/// are slowed per client address (`ClassCodeGate`); the join page is `BundleRoutes`'.
struct JoinRoutes: Sendable {
    /// The board.
    let store: BoardStore
    /// The tokens.
    let auth: BoardAuth
    /// The class code and its brake.
    let gate: ClassCodeGate

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
        return routes
    }

    /// `POST /api/v1/join {"code", "learner"}`: 401 for a wrong code, 400 for an id that may not join,
    /// 429 while the client's address waits after too many wrong codes.
    func join(_ request: Request, context: BoardRequestContext) async -> Response {
        if case .wait(let seconds) = gate.throttle.admit(context.client) { return ClassCodeGate.slowDown(seconds) }
        let limit = store.configuration.limits.maxJoinBytes
        guard let body = await RequestBodyReader.body(of: request, limit: limit) else {
            return BoardResponse.error(.contentTooLarge, "a join is at most \(limit) bytes")
        }
        guard let join = try? JSONDecoder().decode(Join.self, from: Data(body)) else {
            return BoardResponse.error(.badRequest, "a join is {\"code\": CODE, \"learner\": ID}")
        }
        if let refusal = gate.refusal(join.code, client: context.client, wrong: BoardResponse.error(.unauthorized, "wrong class code")) {
            return refusal
        }
        guard LearnerId.isValid(join.learner) else {
            return BoardResponse.error(.badRequest, "a learner id is lowercase letters, digits, '-' and '_', from a letter or digit")
        }
        guard store.admits(join.learner) else { return BoardResponse.error(.badRequest, "\(join.learner) is not on this class's roster") }
        if let refusal = await store.refusal(for: join.learner) { return BoardResponse.error(.badRequest, refusal) }
        return BoardResponse.json(Joined(token: auth.signer.learnerToken(join.learner), acked: await store.acked(for: join.learner)))
    }
}
