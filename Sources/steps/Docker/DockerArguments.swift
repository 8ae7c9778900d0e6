import Workflow

/// Reads a docker command line the way the docker CLI does, enough to find the subcommand,
/// its flags and its positional arguments.
public struct DockerArguments: Sendable {
    /// Global flags of the docker CLI that take a value.
    static let globalValueFlags = DockerFlagTable.globalValueFlags
    /// Boolean flags of `run`/`create` (everything else that starts with `--` and has no `=` takes a value).
    static let runBooleanFlags = DockerFlagTable.run
    /// Boolean flags of `build`.
    static let buildBooleanFlags = DockerFlagTable.build
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
            if DockerFlagTable.groups.contains(word), index + 1 < words.count { found = index + 1 }
            break
        }
        subcommandIndex = found
    }

    /// The subcommand (`run`, `build`, `ps`, …), normalised from `container run` etc.
    public var subcommand: String? { subcommandIndex.map { words[$0] } }

    /// The flags and positional arguments after the subcommand, given which flags are boolean.
    public func parse(booleanFlags: Set<String>, bundled: Set<Character> = []) -> (
        flags: [(name: String, value: String?, index: Int)], positionals: [(String, Int)]
    ) {
        guard let start = subcommandIndex else { return ([], []) }
        return parse(after: start, booleanFlags: booleanFlags, bundled: bundled)
    }

    /// For an object group (`docker volume create NAME`): the index of its action (`create`).
    public var actionIndex: Int? {
        guard let index = subcommandIndex, DockerFlagTable.objectGroups.contains(words[index]), index + 1 < words.count,
            !words[index + 1].hasPrefix("-")
        else { return nil }
        return index + 1
    }

    /// The flags and positional arguments after the word at `start`.
    private func parse(
        after start: Int, booleanFlags: Set<String>, bundled: Set<Character>
    ) -> (flags: [(name: String, value: String?, index: Int)], positionals: [(String, Int)]) {
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

    /// The flags and positional arguments after the subcommand (after an object group's action),
    /// read with the flag table of that subcommand (`DockerFlagTable`); a subcommand the table does
    /// not know takes every flag written without `=` for one that takes no value.
    public func parse() -> (flags: [(name: String, value: String?, index: Int)], positionals: [(String, Int)]) {
        guard let subcommandIndex, let subcommand else { return ([], []) }
        let start = actionIndex ?? subcommandIndex
        let name = actionIndex.map { "\(subcommand) \(words[$0])" } ?? subcommand
        guard let booleans = DockerFlagTable.booleanFlags(of: name) else {
            let flags = words.dropFirst(start + 1).prefix { $0.hasPrefix("-") && $0 != "-" && $0 != "--" }
            return parse(after: start, booleanFlags: Set(flags), bundled: [])
        }
        return parse(after: start, booleanFlags: booleans, bundled: DockerFlagTable.letters(of: booleans))
    }
}
