import Workflow

/// `http: URL` or `http: { url, method, headers, body, follow_redirects, insecure }` (SPEC 6.3):
/// a request the runner makes itself with a real HTTP client, never through a shell. stdout is the
/// response body, stderr the status line and headers; it is judged by `status:` (default 2xx).
/// With `from: { container | network }` the request is made from inside (SPEC 12.2) by a probe
/// container (`HTTPFromInsideAction`).
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
        if let origin = request.from {
            let action = HTTPFromInsideAction(
                request: request, origin: origin,
                arguments: HTTPProbeArguments(request: request, readiness: context.readiness, statuses: context.expectedStatus),
                labels: DockerLabels.flags(run: context.runId, learner: context.learner, step: context.step),
                environment: context.environment)
            var prepared = PreparedCommand(
                action: action, record: ["docker"] + action.dockerArguments(image: ProbeImage.repository), display: request.shownWords,
                binary: "docker")
            prepared.createsResources = context.marksCreations
            prepared.removesItsResources = true
            return .success(prepared)
        }
        return .success(
            PreparedCommand(
                action: HTTPRequestAction(request: request), record: [request.method, request.url], display: request.curlWords, binary: key)
        )
    }

    /// `curl -i …` as a person would type it, even when a part is not known yet (shown as written);
    /// from inside, in a curl container on that network.
    public func display(_ command: ResolvedCommand, context: CommandContext) -> [String] {
        HTTPRequest(command).shownWords
    }

    /// `from:` where a learner's engine is reached over ssh: refused, with why (SPEC 12.2).
    public func lint(_ command: Command, context: LintContext) -> [Diagnostic] {
        guard context.transports.contains("ssh"), let from = command.options.first(where: { $0.name.hasPrefix(HTTPOption.from + ".") })
        else { return [] }
        return [
            .error(
                "`from:` cannot be used when a learner's engine is reached over ssh://: the request is made by a probe container that "
                    + "runbook builds from its own executable for this machine, which the engine's machine may not run; make the request "
                    + "with a docker: step instead, e.g. `docker run --rm --network NET curlimages/curl -i URL`",
                at: from.value.location)
        ]
    }
}
