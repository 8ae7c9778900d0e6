import Foundation
import Text
import Workflow

/// Decides what a tutorial's command becomes in the draft: the step its program's kind drafts
/// (`CommandDrafter`), an `sh:` step (pipes, redirections, `&&`, `;`, `cd`, `$(…)`, programs no
/// kind drafts), or var assignments (`NAME=value`).
struct CommandClassifier {
    /// What a command became.
    enum Outcome: Sendable {
        /// A step.
        case step(DraftedCommand)
        /// `NAME=value` lines: defaults for vars.
        case assignments([(name: String, value: String)])
    }

    /// The kinds' drafters.
    let drafters: Drafters

    /// Classifies one command.
    func classify(_ command: TutorialCommand) -> Outcome {
        var text = command.text
        var notes: [String] = []
        let first = ShellLine(text)
        if let assignments = Self.assignments(first) { return .assignments(assignments) }
        var words = first.words
        if words.first == "sudo", words.count > 1, drafters.drafter(for: words[1]) != nil, first.tokens.count > 1 {
            text = String(String.UnicodeScalarView(first.scalars[first.tokens[1].range.lowerBound...]))
            words.removeFirst()
            notes.append("`sudo` left out: the runner talks to the engine as the user it runs as")
        }
        guard let drafter = drafters.drafter(for: words.first ?? "") else {
            let remark = "not a \(drafters.name) command: runs with /bin/sh, which gets every var as an environment variable"
            return .step(shellStep(command, notes: notes + [remark]))
        }
        switch drafter.draft(TypedCommand(text: text, line: command.line, output: command.output)) {
        case .drafted(var drafted):
            drafted.remarks = notes + drafted.remarks
            return .step(drafted)
        case .needsShell(let remark):
            return .step(shellStep(command, notes: notes + [remark]))
        }
    }

    /// The command as an `sh:` script, which gets every var as an environment variable.
    private func shellStep(_ command: TutorialCommand, notes: [String]) -> DraftedCommand {
        let shell = ShellLine(command.text)
        var variables: [DraftVariable] = []
        let environment = drafters.environmentNames
        for expansion in shell.expansions
        where !expansion.singleQuoted && !environment.contains(expansion.name)
            && expansion.name != "PWD" && expansion.name != "OLDPWD" && !DraftVariable.reservedNames.contains(expansion.name)
        {
            variables.append(.reference(expansion.name, fallback: expansion.fallback))
        }
        var drafted = DraftedCommand(key: "sh", text: command.script, words: shell.words, line: command.line)
        drafted.remarks = notes
        drafted.variables = variables
        drafted.names = shell.words
        return drafted
    }

    /// The `NAME=value` pairs of a line that only assigns variables (`export` allowed), or nil.
    static func assignments(_ shell: ShellLine) -> [(name: String, value: String)]? {
        guard !shell.needsShell, !shell.tokens.isEmpty else { return nil }
        var tokens = shell.tokens
        if tokens.first?.value == "export" { tokens.removeFirst() }
        guard !tokens.isEmpty, tokens.allSatisfy({ ShellLine.isAssignment($0.value) }) else { return nil }
        return tokens.compactMap { token in
            guard let equals = token.value.firstIndex(of: "=") else { return nil }
            return (String(token.value[..<equals]), String(token.value[token.value.index(after: equals)...]))
        }
    }
}
