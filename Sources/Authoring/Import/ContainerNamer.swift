import Text

/// Gives the containers that a tutorial lets Docker name at random (`gifted_darwin`, seen in the
/// output of `docker ps -a`) and that later commands use by that name, a name of the learner's
/// own: `--name ${learner}-gifted_darwin` on the `docker run` that made it, and the same name in
/// the later commands and outputs.
enum ContainerNamer {
    /// Renames in `steps`; returns the output texts that now stand for the new names.
    static func apply(to steps: inout [DraftStep], outputs: [[String]]) -> [OutputDrafter.Known] {
        var known: [OutputDrafter.Known] = []
        var handled = Set<String>()
        for (index, lines) in outputs.enumerated() {
            for name in randomNames(in: lines) where !handled.contains(name) {
                let users = steps.indices.filter { $0 > index && steps[$0].command.key != .sh && steps[$0].command.words.contains(name) }
                guard !users.isEmpty else { continue }
                handled.insert(name)
                guard let creator = (0...index).reversed().first(where: { creates(steps[$0].command) }) else {
                    for user in users {
                        steps[user].notes.append("`\(name)` is a name Docker chose at random in the text: give the `docker run` that makes "
                            + "this container `--name \(name)`, or use its id")
                    }
                    continue
                }
                let template = "${learner}-\(name)"
                insertName(template, into: &steps[creator].command)
                steps[creator].notes.append("the text lets Docker name this container at random (`\(name)`) and later commands use that "
                    + "name: it is named `\(template)` here, which is the learner's own")
                for user in users where user > creator {
                    rename(name, to: template, in: &steps[user].command)
                    steps[user].notes.append("`\(name)` is the container of the step from line \(steps[creator].line): `\(template)`")
                }
                known.append(OutputDrafter.Known(text: name, template: template))
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
                      !names.contains(word) else { continue }
                names.append(word)
            }
        }
        return names
    }

    private static func creates(_ command: ClassifiedCommand) -> Bool {
        guard command.key != .sh else { return false }
        let shape = DockerCommandShape(command.words)
        return (shape.subcommand == "run" || shape.subcommand == "create") && shape.value(of: ["--name"]) == nil
            && !shape.flags.contains { $0.name == "--name" }
    }

    private static func insertName(_ name: String, into command: inout ClassifiedCommand) {
        let shape = DockerCommandShape(command.words)
        guard let index = shape.subcommandIndex else { return }
        let line = ShellLine(command.command)
        guard index < line.tokens.count else { return }
        let end = line.tokens[index].range.upperBound
        command.command = line.replacing([(end..<end, " --name \(name)")])
        command.words.insert(contentsOf: ["--name", name], at: index + 1)
    }

    private static func rename(_ name: String, to template: String, in command: inout ClassifiedCommand) {
        let line = ShellLine(command.command)
        let replacements = line.tokens.filter { $0.value == name && $0.raw == name }.map { (range: $0.range, text: template) }
        command.command = line.replacing(replacements)
        command.words = command.words.map { $0 == name ? template : $0 }
    }
}
