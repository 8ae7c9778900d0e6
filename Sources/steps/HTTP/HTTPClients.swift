import AsyncHTTPClient

/// The HTTP clients of the runner's process, one per combination of `insecure` and
/// `follow_redirects` (a client's TLS and redirect settings are fixed when it is made), shared
/// by every learner so that connections to a server are reused. They live as long as the process.
enum HTTPClients {
    /// The most redirects followed (SPEC 6.3).
    static let redirectLimit = 10

    private static let checkedFollowing = make(insecure: false, followRedirects: true)
    private static let checkedStaying = make(insecure: false, followRedirects: false)
    private static let insecureFollowing = make(insecure: true, followRedirects: true)
    private static let insecureStaying = make(insecure: true, followRedirects: false)

    /// The client for a request with these settings.
    static func client(insecure: Bool, followRedirects: Bool) -> HTTPClient {
        switch (insecure, followRedirects) {
        case (false, true): checkedFollowing
        case (false, false): checkedStaying
        case (true, true): insecureFollowing
        case (true, false): insecureStaying
        }
    }

    /// A client that fails at once when a connection cannot be made (the step's own `retry`
    /// decides whether to try again), and follows redirects like `curl -L`, cycles included.
    private static func make(insecure: Bool, followRedirects: Bool) -> HTTPClient {
        var configuration = insecure ? HTTPClient.Configuration(certificateVerification: .none) : HTTPClient.Configuration()
        configuration.redirectConfiguration = followRedirects ? .follow(max: redirectLimit, allowCycles: true) : .disallow
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.decompression = .disabled
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }
}
