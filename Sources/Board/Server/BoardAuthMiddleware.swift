import Hummingbird

/// The one token check of the board's routes: a route collection behind it answers only
/// requests whose token names the role it requires (else `denied`, usually 401), and finds who
/// that is in `context.identity`.
struct BoardAuthMiddleware: RouterMiddleware {
    /// The role a collection requires.
    enum Role: Sendable {
        /// The instructor's token.
        case instructor
        /// A learner's token (of a learner who may push).
        case learner
        /// Either: a learner's or the instructor's token (the instructor's type-along stream).
        case member
    }

    /// The tokens.
    let auth: BoardAuth
    /// The role required.
    let role: Role
    /// The answer to a request without it.
    let denied: @Sendable (Request) -> Response

    /// Passes the request on with `context.identity` set, or answers `denied`.
    func handle(
        _ request: Request, context: BoardRequestContext, next: (Request, BoardRequestContext) async throws -> Response
    ) async throws -> Response {
        let identity = auth.identity(of: request)
        switch (role, identity) {
        case (.instructor, .instructor?), (.learner, .learner?), (.member, _?):
            var context = context
            context.identity = identity
            return try await next(request, context)
        default:
            return denied(request)
        }
    }
}
