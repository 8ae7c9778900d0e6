import Foundation
import Hummingbird

/// Who a request comes from: the token of `Authorization: Bearer T`, else of `?token=T`, else of
/// the board's cookie (the page moves the token there, out of the address bar).
struct BoardAuth: Sendable {
    /// The signer of the store's tokens.
    let signer: TokenSigner
    /// Whether `learner` may push (on the roster, or any valid id without one).
    let admits: @Sendable (String) -> Bool

    /// The cookie that carries the instructor's token once the page has loaded.
    static let cookieName = "runbook_board"

    /// The request's token, if it carries one.
    static func token(of request: Request) -> String? {
        bearer(request.headers[.authorization]) ?? request.uri.queryParameters.get("token") ?? request.cookies[cookieName]?.value
    }

    /// The token of an `Authorization: Bearer T` value.
    static func bearer(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return String(parts[1]).trimmingCharacters(in: .whitespaces)
    }

    /// Who `token` names; nil for a token that is not valid (or a learner who may not push).
    func identity(of token: String) -> BoardIdentity? {
        if signer.isInstructor(token) { return .instructor }
        guard let learner = signer.learner(of: token), admits(learner) else { return nil }
        return .learner(learner)
    }

    /// Who the request's token names.
    func identity(of request: Request) -> BoardIdentity? {
        Self.token(of: request).flatMap(identity(of:))
    }

    /// True when a request's head carries a valid token (header, query or cookie): what the
    /// connection guard asks before the request is routed.
    func isValid(_ head: HTTPRequest) -> Bool {
        var candidates: [String] = []
        if let bearer = Self.bearer(head.headerFields[.authorization]) { candidates.append(bearer) }
        if let path = head.path, path.contains("token="), let items = URLComponents(string: path)?.queryItems {
            candidates += items.filter { $0.name == "token" }.compactMap(\.value)
        }
        for header in head.headerFields[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0] == Self.cookieName { candidates.append(String(parts[1])) }
            }
        }
        return candidates.contains { identity(of: $0) != nil }
    }
}
