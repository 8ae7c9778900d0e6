import Foundation
import Text
import Workflow

/// Captures for the ids a recorded command printed (a whole line of 12 or 64 hex digits, as
/// `docker run -d` and `docker create` print) that a later command uses, in full or by a prefix
/// of at least 12 digits: the step that printed it gets `capture: {NAME: …}`, the later commands
/// `${NAME}` in its place (in `sh:` scripts too: a capture reaches them as an environment variable).
enum RecordedCaptures {
    /// Adds the captures to `steps` (`outputs[i]` is what `steps[i]` printed).
    static func apply(to steps: inout [DraftStep], outputs: [[String]]) {
        var used = Set<String>()
        for index in steps.indices {
            for line in outputs[index] where isIdentifier(line) {
                let users = steps.indices.filter { $0 > index && uses(steps[$0].command, line) }
                guard !users.isEmpty else { continue }
                var name = steps[index].id.map { $0.isLetter || $0.isNumber ? $0 : "_" }.reduce("") { $0 + String($1) } + "_id"
                if !(name.first?.isLetter ?? false) { name = "id_" + name }
                while used.contains(name) { name += "_2" }
                used.insert(name)
                steps[index].captures.append((name, "^([0-9a-f]{\(line.count)})$"))
                for user in users { replace(line, with: "${\(name)}", in: &steps[user].command) }
                for user in users { steps[user].notes.append("`${\(name)}` is the id that the step `\(steps[index].id)` printed") }
            }
        }
    }

    private static func isIdentifier(_ line: String) -> Bool {
        (line.count == 12 || line.count == 64) && line.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    private static func matches(_ word: String, _ id: String) -> Bool {
        word.count >= 12 && id.hasPrefix(word)
    }

    private static func uses(_ command: DraftedCommand, _ id: String) -> Bool {
        ShellLine(command.text).tokens.contains { !$0.isOperator && matches($0.value, id) }
    }

    private static func replace(_ id: String, with template: String, in command: inout DraftedCommand) {
        let line = ShellLine(command.text)
        let replacements = line.tokens.filter { !$0.isOperator && matches($0.value, id) }.map { (range: $0.range, text: template) }
        command.text = line.replacing(replacements)
        command.words = command.words.map { matches($0, id) ? template : $0 }
    }
}
