import Hummingbird

/// Refuses (421 Misdirected Request) a request whose Host is not one of the board's names or
/// addresses (SPEC 7.1): a page of another site that made its name resolve to this machine (DNS
/// rebinding) cannot read the board or its exports. A request without Host (HTTP/1.0) passes.
struct HostCheckMiddleware: RouterMiddleware {
    /// The accepted names.
    let names: BoardNames

    /// Passes a request for one of the board's names on; answers 421 otherwise.
    func handle(
        _ request: Request, context: BoardRequestContext, next: (Request, BoardRequestContext) async throws -> Response
    ) async throws -> Response {
        if let authority = request.head.authority, !authority.isEmpty, !names.accepts(authority: authority) {
            let name = BoardNames.hostPart(of: authority)
            let message = "this board does not answer to the name \(name); use the address runbook serve printed\n"
            return BoardResponse.text(message, type: "text/plain", status: .misdirectedRequest)
        }
        return try await next(request, context)
    }
}
