import Workflow

/// The words after `runbook probe-http` (SPEC 12.2): the request, how long to wait for it to be
/// answered with an accepted status, and how often to try. Written by the runner for the probe
/// container's command line and read back inside it.
struct HTTPProbeArguments: Sendable, Hashable {
    /// The request.
    var request: HTTPRequest
    /// How long to keep trying (`retry: { for }`); zero for one try.
    var window: Duration
    /// The pause between tries (`every`).
    var every: Duration
    /// The statuses that end the wait (`status:`, default 2xx).
    var statuses: StatusExpectation

    /// The words for `request`, waiting `readiness` for `statuses`.
    init(request: HTTPRequest, readiness: ReadinessWait?, statuses: StatusExpectation?) {
        self.request = request
        window = max(.zero, readiness?.remaining ?? .zero)
        every = readiness?.every ?? .milliseconds(500)
        self.statuses = statuses ?? .success
    }

    /// The command line: `--url U --method M --header 'N: V'… --body B --no-follow --insecure --for S --every S --status 2xx,301`.
    var words: [String] {
        var words = ["--url", request.url, "--method", request.method]
        for header in request.headers { words += ["--header", "\(header.name): \(header.value)"] }
        if let body = request.body { words += ["--body", body] }
        if !request.followRedirects { words.append("--no-follow") }
        if request.insecure { words.append("--insecure") }
        words += ["--for", Self.seconds(window), "--every", Self.seconds(every), "--status", Self.text(statuses)]
        return words
    }

    /// Reads `words` back; nil with the reason when they are not what `words` writes.
    static func parse(_ words: [String]) -> Result<HTTPProbeArguments, CommandProblem> {
        var options: [(name: String, value: String)] = []
        var window = Duration.zero
        var every = Duration.milliseconds(500)
        var statuses = StatusExpectation.success
        var index = 0
        func value() -> String? {
            index += 1
            return index < words.count ? words[index] : nil
        }
        while index < words.count {
            let word = words[index]
            switch word {
            case "--no-follow": options.append((HTTPOption.followRedirects, "false"))
            case "--insecure": options.append((HTTPOption.insecure, "true"))
            case "--url", "--method", "--body", "--header", "--for", "--every", "--status":
                guard let text = value() else { return .failure(CommandProblem("\(word) needs a value")) }
                switch word {
                case "--url": options.append((HTTPOption.url, text))
                case "--method": options.append((HTTPOption.method, text))
                case "--body": options.append((HTTPOption.body, text))
                case "--header":
                    guard let colon = text.firstIndex(of: ":") else { return .failure(CommandProblem("--header takes 'Name: value'")) }
                    let name = String(text[..<colon])
                    options.append((HTTPOption.headerPrefix + name, String(text[text.index(after: colon)...].drop { $0 == " " })))
                case "--for", "--every":
                    guard let seconds = Double(text), seconds >= 0 else { return .failure(CommandProblem("\(word) takes seconds")) }
                    if word == "--for" {
                        window = .milliseconds(Int64(seconds * 1000))
                    } else {
                        every = .milliseconds(Int64(seconds * 1000))
                    }
                default:
                    guard let parsed = status(text) else { return .failure(CommandProblem("--status takes codes and classes: 200,2xx")) }
                    statuses = parsed
                }
            default:
                return .failure(CommandProblem("unknown argument \(word)"))
            }
            index += 1
        }
        let request = HTTPRequest(ResolvedCommand(key: "http", options: options))
        if let problem = request.problem { return .failure(problem) }
        var arguments = HTTPProbeArguments(request: request, readiness: nil, statuses: statuses)
        (arguments.window, arguments.every) = (window, every)
        return .success(arguments)
    }

    /// `1.5` for a second and a half.
    private static func seconds(_ duration: Duration) -> String {
        let milliseconds = Int64(duration.seconds * 1000)
        return milliseconds % 1000 == 0 ? String(milliseconds / 1000) : String(Double(milliseconds) / 1000)
    }

    /// `2xx,301`.
    private static func text(_ statuses: StatusExpectation) -> String {
        statuses.patterns.map { pattern in
            switch pattern {
            case .code(let code): String(code)
            case .family(let hundred): "\(hundred)xx"
            }
        }.joined(separator: ",")
    }

    /// The statuses of `2xx,301`.
    private static func status(_ text: String) -> StatusExpectation? {
        var patterns: [StatusExpectation.Pattern] = []
        for part in text.split(separator: ",") {
            if part.count == 3, part.hasSuffix("xx"), let hundred = Int(part.prefix(1)) {
                patterns.append(.family(hundred))
            } else if let code = Int(part) {
                patterns.append(.code(code))
            } else {
                return nil
            }
        }
        return patterns.isEmpty ? nil : StatusExpectation(patterns)
    }
}
