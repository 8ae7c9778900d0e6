import Workflow

/// Reads a docker command line the way the docker CLI does, enough to find the subcommand,
/// its flags and its positional arguments.
public struct DockerArguments: Sendable {
    /// Global flags of the docker CLI that take a value.
    static let globalValueFlags: Set<String> = ["-H", "--host", "-c", "--context", "--config", "-l", "--log-level", "--tlscacert", "--tlscert", "--tlskey"]
    /// Boolean flags of `run`/`create` (everything else that starts with `--` and has no `=` takes a value).
    static let runBooleanFlags: Set<String> = [
        "-d", "--detach", "-i", "--interactive", "-t", "--tty", "--rm", "--privileged", "--init", "--read-only", "-P", "--publish-all",
        "-q", "--quiet", "--no-healthcheck", "--oom-kill-disable", "--disable-content-trust", "--help", "--sig-proxy", "--use-api-socket",
    ]
    /// Boolean flags of `build`.
    static let buildBooleanFlags: Set<String> = [
        "--no-cache", "--pull", "-q", "--quiet", "--rm", "--force-rm", "--squash", "--compress", "--disable-content-trust", "--help", "--load", "--push",
    ]
    /// Short flags of `run` that may be bundled (`-it`, `-dit`).
    static let bundledRunFlags: Set<Character> = ["d", "i", "t", "P", "q"]

    /// The words as written.
    public let words: [String]
    /// Index of the subcommand word (`run`, `build`, …); for `container run`/`image build`, the second word.
    public let subcommandIndex: Int?

    /// Splits global flags from the subcommand.
    public init(_ words: [String]) {
        self.words = words
        var index = 0
        var found: Int?
        while index < words.count {
            let word = words[index]
            if word.hasPrefix("-") {
                index += Self.globalValueFlags.contains(word) ? 2 : 1
                continue
            }
            found = index
            if ["container", "image", "buildx", "builder"].contains(word), index + 1 < words.count { found = index + 1 }
            break
        }
        subcommandIndex = found
    }

    /// The subcommand (`run`, `build`, `ps`, …), normalised from `container run` etc.
    public var subcommand: String? { subcommandIndex.map { words[$0] } }

    /// The flags and positional arguments after the subcommand, given which flags are boolean.
    public func parse(booleanFlags: Set<String>, bundled: Set<Character> = []) -> (flags: [(name: String, value: String?, index: Int)], positionals: [(String, Int)]) {
        guard let start = subcommandIndex else { return ([], []) }
        var flags: [(String, String?, Int)] = []
        var positionals: [(String, Int)] = []
        var index = start + 1
        while index < words.count {
            let word = words[index]
            if !positionals.isEmpty || word == "-" || !word.hasPrefix("-") || word == "--" {
                if word == "--" && positionals.isEmpty { index += 1 }
                positionals += words[index...].enumerated().map { ($1, index + $0) }
                break
            }
            if let equals = word.firstIndex(of: "="), word.hasPrefix("--") {
                flags.append((String(word[..<equals]), String(word[word.index(after: equals)...]), index))
                index += 1
            } else if booleanFlags.contains(word) {
                flags.append((word, nil, index))
                index += 1
            } else if !word.hasPrefix("--"), word.count > 2, word.dropFirst().allSatisfy({ bundled.contains($0) }) {
                for letter in word.dropFirst() { flags.append(("-\(letter)", nil, index)) }
                index += 1
            } else if !word.hasPrefix("--"), word.count > 2 {
                flags.append((String(word.prefix(2)), String(word.dropFirst(2)), index))
                index += 1
            } else {
                flags.append((word, index + 1 < words.count ? words[index + 1] : nil, index))
                index += 2
            }
        }
        return (flags, positionals)
    }
}
