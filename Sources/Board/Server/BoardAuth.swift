import Hummingbird

/// Who a request comes from: the token of `Authorization: Bearer T`, else of `?token=T`.
struct BoardAuth {
    /// The signer of the store's tokens.
    let signer: TokenSigner

    /// The request's token, if it carries one.
    static func token(of request: Request) -> String? {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" { return String(parts[1]).trimmingCharacters(in: .whitespaces) }
        }
        return request.uri.queryParameters.get("token")
    }

    /// True when the request carries the instructor's token.
    func isInstructor(_ request: Request) -> Bool {
        Self.token(of: request).map(signer.isInstructor) ?? false
    }

    /// The learner whose token the request carries.
    func learner(_ request: Request) -> String? {
        Self.token(of: request).flatMap(signer.learner)
    }
}
