import Foundation
import Hummingbird

/// What a learner's token opens (SPEC 7): `POST /api/v1/journal`, behind the learner check.
struct LearnerRoutes: Sendable {
    /// The board.
    let store: BoardStore
    /// The tokens.
    let auth: BoardAuth

    /// The routes.
    var collection: RouteCollection<BoardRequestContext> {
        let routes = RouteCollection(context: BoardRequestContext.self)
        routes.add(
            middleware: BoardAuthMiddleware(auth: auth, role: .learner) { _ in
                BoardResponse.error(.unauthorized, "a learner's token is needed (POST /api/v1/join)")
            })
        routes.post("/api/v1/journal") { request, context in await journal(request, context: context) }
        return routes
    }

    /// `POST /api/v1/journal` (Bearer learner token): JSON lines with `seq`; answers `{"acked": N}`
    /// (and `refused` when a run of another runbook version was set aside).
    func journal(_ request: Request, context: BoardRequestContext) async -> Response {
        guard case .learner(let learner)? = context.identity else {
            return BoardResponse.error(.unauthorized, "a learner's token is needed (POST /api/v1/join)")
        }
        let limit = store.configuration.limits.maxBatchBytes
        guard let body = await RequestBodyReader.body(of: request, limit: limit) else {
            return BoardResponse.error(.contentTooLarge, "a batch is at most \(limit) bytes")
        }
        do {
            return BoardResponse.json(try await store.push(body, learner: learner))
        } catch {
            return BoardResponse.rejection(error)
        }
    }
}
