import Hummingbird

/// Where learners and the instructor reach the board: `--public-url` when given, else the
/// scheme and the Host the request came with (what the browser already reached).
struct BoardOrigin: Sendable {
    /// `--public-url`, without a trailing slash.
    let publicURL: String?
    /// Served over TLS.
    let isSecure: Bool
    /// `HOST:PORT` for a request without Host.
    let fallbackAuthority: String

    /// `SCHEME://HOST:PORT` for answers to `request`.
    func origin(for request: Request) -> String {
        if let publicURL { return publicURL }
        let authority = request.head.authority.flatMap { $0.isEmpty ? nil : $0 } ?? fallbackAuthority
        return "\(isSecure ? "https" : "http")://\(authority)"
    }

    /// The join URL for answers to `request`.
    func joinURL(for request: Request, code: String) -> String {
        "\(origin(for: request))/join/\(code)"
    }
}
