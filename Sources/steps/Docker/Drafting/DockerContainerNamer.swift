import Text
import Workflow

/// Gives the containers that a text lets Docker name at random (`gifted_darwin`, seen in the
/// output of `docker ps -a`) and that later commands use by that name, a name of the learner's
/// own: `--name ${learner}-gifted_darwin` on the `docker run` that made it, and the same name in
/// the later commands and outputs.
enum DockerContainerNamer {
    /// Renames in `commands` (those whose key is in `keys`); returns the output texts that now stand for the new names.
    static func apply(to commands: inout [DraftedCommand], outputs: [[String]], keys: Set<String>) -> [OutputStandIn] {
        var known: [OutputStandIn] = []
        var handled = Set<String>()
        for (index, lines) in outputs.enumerated() {
            for name in randomNames(in: lines) where !handled.contains(name) {
                // The short id in the same `docker ps` row names the same container (`docker stop a7a0e504ca3e`).
                let ids = lines.filter { $0.hasSuffix(name) }.compactMap { $0.split(separator: " ").first.map(String.init) }
                    .filter { $0.count == 12 && $0.allSatisfy(\.isHexDigit) }
                let users = commands.indices.filter { user in
                    user > index && keys.contains(commands[user].key)
                        && commands[user].words.contains { $0 == name || ids.contains($0) }
                }
                guard !users.isEmpty else { continue }
                handled.insert(name)
                guard let creator = (0...index).reversed().first(where: { keys.contains(commands[$0].key) && creates(commands[$0]) }) else {
                    for user in users {
                        commands[user].remarks.append(
                            "`\(name)` is a name Docker chose at random in the text: give the `docker run` that makes "
                                + "this container `--name \(name)`, or use its id")
                    }
                    continue
                }
                let template = "${learner}-\(name)"
                insertName(template, into: &commands[creator])
                commands[creator].remarks.append(
                    "the text lets Docker name this container at random (`\(name)`) and later commands use that "
                        + "name: it is named `\(template)` here, which is the learner's own")
                for user in users where user > creator {
                    rename(name, to: template, in: &commands[user])
                    for id in ids { rename(id, to: template, in: &commands[user]) }
                    commands[user].remarks.append(
                        "`\(name)` is the container of the step from line \(commands[creator].line): `\(template)`")
                }
                known.append(OutputStandIn(text: name, template: template))
            }
        }
        return known
    }

    /// Docker's random container names (`adjective_surname`) in the output.
    private static func randomNames(in lines: [String]) -> [String] {
        var names: [String] = []
        for line in lines {
            for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init) {
                let parts = word.split(separator: "_", omittingEmptySubsequences: false)
                guard parts.count == 2, parts.allSatisfy({ $0.count >= 2 }),
                    parts[0].allSatisfy({ $0.isASCII && $0.isLowercase }),
                    parts[1].allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber) }),
                    !names.contains(word)
                else { continue }
                names.append(word)
            }
        }
        return names
    }

    /// A `docker run` or `docker create` (or `container run`/`create`) that names no container.
    private static func creates(_ command: DraftedCommand) -> Bool {
        let arguments = DockerArguments(command.words)
        return (arguments.subcommand == "run" || arguments.subcommand == "create")
            && !arguments.parse().flags.contains { $0.name == "--name" }
    }

    private static func insertName(_ name: String, into command: inout DraftedCommand) {
        guard let index = DockerArguments(command.words).subcommandIndex else { return }
        let line = ShellLine(command.text)
        guard index < line.tokens.count else { return }
        let end = line.tokens[index].range.upperBound
        command.text = line.replacing([(end..<end, " --name \(name)")])
        command.words.insert(contentsOf: ["--name", name], at: index + 1)
    }

    private static func rename(_ name: String, to template: String, in command: inout DraftedCommand) {
        let line = ShellLine(command.text)
        let replacements = line.tokens.filter { $0.value == name && $0.raw == name }.map { (range: $0.range, text: template) }
        command.text = line.replacing(replacements)
        command.words = command.words.map { $0 == name ? template : $0 }
    }
}
