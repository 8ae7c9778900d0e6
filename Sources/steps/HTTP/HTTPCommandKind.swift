import Workflow

/// `http: URL` or `http: { url, method, headers, body, follow_redirects, insecure }` (SPEC 6.3):
/// a request the runner makes itself with a real HTTP client, never through a shell. stdout is the
/// response body, stderr the status line and headers; it is judged by `status:` (default 2xx).
public struct HTTPCommandKind: CommandKind {
    public let key = "http"
    public let checks: Set<ExpectationCheck> = [.status]

    /// Creates the kind.
    public init() {}

    public func decode(_ value: Node, at location: SourceLocation, reader: inout NodeReader) -> Command? {
        HTTPCommandDecoder(key: key).decode(value, at: location, reader: &reader)
    }

    public func prepare(_ command: ResolvedCommand, context: CommandContext) -> Result<PreparedCommand, CommandProblem> {
        let request = HTTPRequest(command)
        if let problem = request.problem { return .failure(problem) }
        return .success(PreparedCommand(
            action: HTTPRequestAction(request: request), record: [request.method, request.url], display: request.curlWords, binary: key))
    }

    /// `curl -i …` as a person would type it, even when a part is not known yet (shown as written).
    public func display(_ command: ResolvedCommand, context: CommandContext) -> [String] {
        HTTPRequest(command).curlWords
    }
}
