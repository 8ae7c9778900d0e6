import Foundation
import Steps
import Workflow

/// Candidates for the shells' completion of step and learner ids (`--only`, `--skip`, `--from`,
/// `--learner`), read from the files named on the command line being completed: the runbook
/// argument (or ./workshop.yaml) and `--learners FILE`.
///
/// Completion must never fail loudly: a missing or broken file gives no candidates. Step ids are
/// read straight from the YAML, so that a runbook with errors elsewhere still completes.
public enum CompletionCandidates {
    /// Options whose next word is a value, not the runbook argument.
    public static let valueOptions: Set<String> = [
        "--learners", "--learner", "--jobs", "--var", "--var-file", "--only", "--skip", "--from", "--report", "--out", "--shard",
    ]

    /// Step ids of the runbook on the command line, for a value being typed as `prefix`; with
    /// `list`, a comma-separated list (ids already in it are not offered again).
    public static func steps(words: [String], prefix: String, list: Bool) -> [String] {
        offer(stepIds(in: runbookPath(in: words)), prefix: prefix, list: list)
    }

    /// Learner ids of the `--learners` roster on the command line.
    public static func learners(words: [String], prefix: String, list: Bool) -> [String] {
        guard let roster = value(of: "--learners", in: words) else { return [] }
        // Completion runs in a process of its own that never reaches a command's run: its one registry.
        let loaded = RosterLoader.load(path: roster, settingKeys: StandardKinds.make().rosterKeys)
        guard case .success(let learners) = loaded else { return [] }
        return offer(learners.map(\.id), prefix: prefix, list: list)
    }

    /// The candidates that complete `prefix`: whole ids, or for a list the ids after its last comma.
    public static func offer(_ ids: [String], prefix: String, list: Bool) -> [String] {
        guard list, let comma = prefix.lastIndex(of: ",") else { return ids.filter { $0.hasPrefix(prefix) } }
        let head = String(prefix[...comma])
        let typed = Set(head.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        let partial = String(prefix[prefix.index(after: comma)...])
        return ids.filter { !typed.contains($0) && $0.hasPrefix(partial) }.map { head + $0 }
    }

    /// The runbook argument: the first YAML file named after the program that is neither an option
    /// nor an option's value; `workshop.yaml` when there is none.
    public static func runbookPath(in words: [String]) -> String {
        var index = 1
        while index < words.count {
            let word = unquoted(words[index])
            if valueOptions.contains(word) {
                index += 2
                continue
            }
            if !word.hasPrefix("-"), !word.isEmpty, word.hasSuffix(".yaml") || word.hasSuffix(".yml") { return word }
            index += 1
        }
        return "workshop.yaml"
    }

    /// The value of `option` (`--option VALUE` or `--option=VALUE`, which bash hands over as three
    /// words), the last one given.
    public static func value(of option: String, in words: [String]) -> String? {
        var found: String?
        for (index, word) in words.enumerated() {
            if word == option, index + 1 < words.count {
                let next = words[index + 1] == "=" && index + 2 < words.count ? words[index + 2] : words[index + 1]
                found = unquoted(next)
            }
            if word.hasPrefix(option + "=") { found = unquoted(String(word.dropFirst(option.count + 1))) }
        }
        return found
    }

    /// The step ids of the runbook at `path`, in file order.
    public static func stepIds(in path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let document = YAMLLoader().load(bytes: [UInt8](data), path: path)
        return document.root?["steps"]?.sequenceItems?.compactMap { $0["id"]?.scalarValue } ?? []
    }

    /// A shell word without the quotes around it (shells hand words over as typed).
    public static func unquoted(_ word: String) -> String {
        guard word.count >= 2, let first = word.first, first == "'" || first == "\"", word.last == first else {
            return word.replacingOccurrences(of: "\\ ", with: " ")
        }
        return String(word.dropFirst().dropLast())
    }
}
