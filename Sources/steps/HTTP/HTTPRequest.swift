import Workflow

/// One `http:` request with every `${…}` substituted: what the step sends, and how a person would
/// send it with curl.
struct HTTPRequest: Sendable, Hashable {
    /// The URL, checked to be http(s) with a host.
    var url: String
    /// The method, upper-cased.
    var method: String
    /// The headers as written, in order.
    var headers: [Header]
    /// The body, sent as written.
    var body: String?
    /// Whether redirects are followed (at most `HTTPClients.redirectLimit`).
    var followRedirects: Bool
    /// Whether TLS certificates go unchecked.
    var insecure: Bool
    /// Where the request is made from, when not from the runner (SPEC 12.2).
    var from: HTTPOrigin?

    /// One request header.
    struct Header: Sendable, Hashable {
        /// The name as written.
        var name: String
        /// The substituted value.
        var value: String
    }

    /// The request `command` describes, as written (see `problem`).
    init(_ command: ResolvedCommand) {
        url = command.option(HTTPOption.url) ?? ""
        method = command.option(HTTPOption.method) ?? "GET"
        headers = command.options.filter { $0.name.hasPrefix(HTTPOption.headerPrefix) }.map { option in
            Header(name: String(option.name.dropFirst(HTTPOption.headerPrefix.count)), value: option.value)
        }
        body = command.option(HTTPOption.body)
        followRedirects = command.option(HTTPOption.followRedirects) != "false"
        insecure = command.option(HTTPOption.insecure) == "true"
        if let container = command.option(HTTPOption.fromContainer) {
            from = .container(container)
        } else if let network = command.option(HTTPOption.fromNetwork) {
            from = .network(network)
        }
    }

    /// Why the request cannot be sent (a URL that is not http(s), a header value with a line
    /// break), or nil: the step is then `error`, the runbook's fault, not the learner's.
    var problem: CommandProblem? {
        if let problem = HTTPSyntax.problem(with: url) { return CommandProblem(problem) }
        if let from, from.name.isEmpty { return CommandProblem("`from:` names no \(from.kind): the name is empty") }
        for header in headers {
            if let problem = HTTPSyntax.problem(withHeaderValue: header.value, name: header.name) { return CommandProblem(problem) }
        }
        return nil
    }

    /// Whether a header of this name was written (names ignore case).
    func hasHeader(_ name: String) -> Bool {
        headers.contains { $0.name.lowercased() == name.lowercased() }
    }

    /// The headers sent: those written, then what curl adds by itself unless written
    /// (`User-Agent`, `Accept: */*`, and for a body the form content type), so that the request
    /// is the one the learner's `curl` command would make.
    var sentHeaders: [Header] {
        var sent = headers
        if !hasHeader("User-Agent") { sent.append(Header(name: "User-Agent", value: "runbook")) }
        if !hasHeader("Accept") { sent.append(Header(name: "Accept", value: "*/*")) }
        if body != nil, !hasHeader("Content-Type") {
            sent.append(Header(name: "Content-Type", value: "application/x-www-form-urlencoded"))
        }
        return sent
    }

    /// The request as a person types it: `curl -i -L -X PUT -H 'Name: value' --data 'body' URL`
    /// (`-I` for HEAD, `-k` when insecure, `-X` only where curl would not pick the method itself).
    var curlWords: [String] {
        var words = ["curl", method == "HEAD" ? "-I" : "-i"]
        if followRedirects { words.append("-L") }
        if insecure { words.append("-k") }
        let implied = method == "HEAD" ? "HEAD" : body == nil ? "GET" : "POST"
        if method != implied { words += ["-X", method] }
        for header in headers { words += ["-H", "\(header.name): \(header.value)"] }
        if let body { words += [body.hasPrefix("@") ? "--data-raw" : "--data", body] }
        words.append(url)
        return words
    }

    /// The request as a person types it: `curl …`, or from inside (SPEC 12.2) the same in a
    /// throwaway curl container on that network: `docker run --rm --network NET curlimages/curl -i URL`.
    var shownWords: [String] {
        guard let from else { return curlWords }
        return ["docker", "run", "--rm", "--network", from.networkFlag, "curlimages/curl"] + curlWords.dropFirst()
    }
}
