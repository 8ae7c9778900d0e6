import Text
import Workflow

/// Drafts `http:` steps from `curl URL` lines a person typed (`-s`, `-i`, `-I`, `-L`, `-k`,
/// `-X GET|HEAD` allowed): the runner makes the request itself, so the step never depends on curl
/// being installed, and `localhost` becomes `${engine_host}`, where published ports are. Any other
/// curl line stays an `sh:` step.
public struct HTTPDrafter: CommandDrafter {
    /// Flags of curl that change nothing an `http:` step judges.
    static let plainFlags: Set<String> = [
        "-s", "--silent", "-S", "--show-error", "-i", "--include", "-I", "--head", "-L", "--location", "-f", "--fail",
        "-k", "--insecure", "-sS", "-Ss", "-si", "-is", "-sI", "-Is", "-sL", "-Ls", "-sSL", "-fsSL", "-fsS",
    ]

    /// The drafter of the `http:` kind.
    public init() {}

    public var name: String { "curl" }

    public var programs: [String] { ["curl"] }

    public func draft(_ typed: TypedCommand) -> DraftOutcome {
        let line = ShellLine(typed.text)
        let refusal = "a curl line with options or shell syntax that `http:` does not take: runs with /bin/sh"
        guard !line.needsShell, !line.unclosedQuote, line.expansions.isEmpty else { return .needsShell(remark: refusal) }
        var words = Array(line.words.dropFirst())
        var urls: [String] = []
        var head = false
        while let word = words.first {
            words.removeFirst()
            if word == "-X" || word == "--request" {
                guard let method = words.first, method == "GET" || method == "HEAD" else { return .needsShell(remark: refusal) }
                head = head || method == "HEAD"
                words.removeFirst()
            } else if Self.plainFlags.contains(word) {
                head = head || word == "--head" || (!word.hasPrefix("--") && word.contains("I"))
            } else if word.hasPrefix("-") {
                return .needsShell(remark: refusal)
            } else {
                urls.append(word)
            }
        }
        guard urls.count == 1, let url = Self.url(urls[0]) else { return .needsShell(remark: refusal) }
        var command = DraftedCommand(key: "http", text: url, words: [url], line: typed.line)
        command.remarks = [
            "`curl` as an `http:` step: the runner makes the request (stdout is the body, stderr the status line and headers)"
        ]
        if head { command.remarks.append("`curl -I` sends HEAD: this step sends GET and judges the same status and headers") }
        command.idWords = ["http"]
        command.subject = Self.pathName(url)
        command.names = [url]
        return .drafted(command)
    }

    /// `URL` with a scheme, its local host as `${engine_host}`; nil when it is no URL.
    static func url(_ written: String) -> String? {
        var url = written.contains("://") ? written : "http://" + written
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else { return nil }
        let scheme = url.hasPrefix("https://") ? "https://" : "http://"
        let rest = url.dropFirst(scheme.count)
        let host = rest.prefix { $0 != ":" && $0 != "/" }
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || ".-_".contains($0) }) else { return nil }
        if ["localhost", "127.0.0.1", "0.0.0.0"].contains(String(host)) {
            url = scheme + "${engine_host}" + rest.dropFirst(host.count)
        }
        return url
    }

    /// The last part of a URL's path, for the step id (`health` for `…/_cat/health`).
    private static func pathName(_ url: String) -> String? {
        let afterScheme = url.split(separator: "/", omittingEmptySubsequences: true).dropFirst(2)
        return afterScheme.last.map { String($0.split(separator: "?").first ?? $0) }
    }
}
