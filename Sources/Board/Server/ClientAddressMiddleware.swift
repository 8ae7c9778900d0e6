import Hummingbird

/// Sets `context.client`: the TCP peer, or, when the peer is a proxy of `--trust-proxy`, the
/// client that X-Forwarded-For names (the rightmost address that is not a trusted proxy).
struct ClientAddressMiddleware: RouterMiddleware {
    /// The proxies whose X-Forwarded-For is believed.
    let trusted: [AddressRange]

    /// Passes the request on with the client's address in its context.
    func handle(
        _ request: Request, context: BoardRequestContext, next: (Request, BoardRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.client = Self.client(peer: context.peer, forwardedFor: request.headers[values: .init("X-Forwarded-For")!], trusted: trusted)
        return try await next(request, context)
    }

    /// The client of a request from `peer` carrying these X-Forwarded-For values.
    static func client(peer: String?, forwardedFor: [String], trusted: [AddressRange]) -> String? {
        guard let peer, trusted.contains(where: { $0.contains(peer) }) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed() where !hop.isEmpty {
            guard AddressRange.bytes(of: hop) != nil else { return peer }
            if !trusted.contains(where: { $0.contains(hop) }) { return hop }
        }
        return peer
    }
}
