/// A docker command line read the way the docker CLI reads it, far enough for drafting: the
/// subcommand, its flags (which take a value) and its positional arguments.
struct DockerCommandShape: Sendable {
    /// A flag as written, and its value when it takes one.
    struct Flag: Sendable, Hashable {
        /// `-t`, `--name`, `-it`.
        var name: String
        /// The value (`--name web` or `--name=web`), if the flag takes one.
        var value: String?
    }

    /// The subcommand (`run`, `build`, `ps`), `container run` read as `run`; nil when there is none.
    let subcommand: String?
    /// Index of the subcommand word in `words`.
    let subcommandIndex: Int?
    /// The flags between the subcommand and the first positional argument.
    let flags: [Flag]
    /// The positional arguments, with their index in `words`.
    let positionals: [(word: String, index: Int)]

    private static let globalValueFlags: Set<String> = ["-H", "--host", "-c", "--context", "--config", "-l", "--log-level"]
    private static let groups: Set<String> = ["container", "image", "buildx", "builder", "volume", "network", "system"]
    private static let runBoolean: Set<String> = [
        "-d", "--detach", "-i", "--interactive", "-t", "--tty", "--rm", "--privileged", "--init", "--read-only", "-P", "--publish-all",
        "-q", "--quiet", "--help", "--no-healthcheck", "--sig-proxy",
    ]
    private static let buildBoolean: Set<String> = [
        "--no-cache", "--pull", "-q", "--quiet", "--rm", "--force-rm", "--squash", "--load", "--push",
    ]
    private static let otherValueFlags: Set<String> = [
        "--format", "--filter", "--tail", "-n", "--since", "--until", "-u", "--user", "-w", "--workdir", "-e", "--env", "-p", "--password",
        "--username", "-t", "--time", "--signal", "-s",
    ]

    /// Reads `words` (after the `docker` binary).
    init(_ words: [String]) {
        var index = 0
        while index < words.count, words[index].hasPrefix("-") {
            index += Self.globalValueFlags.contains(words[index]) && !words[index].contains("=") ? 2 : 1
        }
        guard index < words.count else {
            subcommand = nil
            subcommandIndex = nil
            flags = []
            positionals = []
            return
        }
        if Self.groups.contains(words[index]), index + 1 < words.count, !words[index + 1].hasPrefix("-") { index += 1 }
        subcommandIndex = index
        let subcommand = words[index]
        self.subcommand = subcommand
        var flags: [Flag] = []
        var positionals: [(String, Int)] = []
        var cursor = index + 1
        while cursor < words.count {
            let word = words[cursor]
            guard positionals.isEmpty, word.hasPrefix("-"), word != "-", word != "--" else {
                if word == "--", positionals.isEmpty { cursor += 1 }
                positionals += words[cursor...].enumerated().map { ($1, cursor + $0) }
                break
            }
            if let equals = word.firstIndex(of: "="), word.hasPrefix("--") {
                flags.append(Flag(name: String(word[..<equals]), value: String(word[word.index(after: equals)...])))
            } else if Self.takesValue(word, subcommand: subcommand), cursor + 1 < words.count {
                flags.append(Flag(name: word, value: words[cursor + 1]))
                cursor += 1
            } else {
                flags.append(Flag(name: word, value: nil))
            }
            cursor += 1
        }
        self.flags = flags
        self.positionals = positionals
    }

    /// True when `-t`/`--tty` (alone or bundled, as in `-it`) asks for a terminal on `run`, `create` or `exec`.
    var wantsTerminal: Bool {
        guard let subcommand, ["run", "create", "exec"].contains(subcommand) else { return false }
        return flags.contains { $0.name == "--tty" || Self.bundles($0.name, "t") }
    }

    /// True when `-d`/`--detach` runs the container in the background.
    var detached: Bool {
        flags.contains { $0.name == "--detach" || Self.bundles($0.name, "d") }
    }

    /// The value of the first flag named one of `names`.
    func value(of names: Set<String>) -> String? {
        flags.first { names.contains($0.name) }?.value
    }

    private static func bundles(_ flag: String, _ letter: Character) -> Bool {
        (flag == "-\(letter)" || isBundle(flag)) && flag.dropFirst().contains(letter)
    }

    /// Short boolean flags of `run` written together, as in `-it` or `-dit`.
    private static func isBundle(_ flag: String) -> Bool {
        flag.count > 2 && flag.hasPrefix("-") && !flag.hasPrefix("--") && flag.dropFirst().allSatisfy { "ditPq".contains($0) }
    }

    private static func takesValue(_ flag: String, subcommand: String) -> Bool {
        switch subcommand {
        case "run", "create", "exec":
            return !runBoolean.contains(flag) && !isBundle(flag)
        case "build":
            return !buildBoolean.contains(flag)
        case "logs", "ps", "images", "rm", "rmi", "start", "stop":
            return ["--format", "--filter", "--tail", "-n", "--since", "--until", "-t", "--time", "--signal", "-s"].contains(flag)
                && !(subcommand == "logs" && flag == "-t")
        default:
            return otherValueFlags.contains(flag)
        }
    }
}
