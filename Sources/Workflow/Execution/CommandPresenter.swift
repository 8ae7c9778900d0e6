import Foundation

/// Shows commands as a person would type them (`runbook guide`, `runbook docs`): substituted from
/// a scope, redacted, shell-quoted, without what the runner adds; an `sh:` script as written.
public struct CommandPresenter: Sendable {
    /// The kinds, which know how their commands are typed.
    public let registry: KindRegistry
    /// Where values come from.
    public let scope: VariableScope
    /// What is hidden.
    public let redactor: Redactor
    /// What the kinds may need to know (the learner, the environment, capabilities).
    public let context: CommandContext

    /// Creates a presenter.
    public init(registry: KindRegistry, scope: VariableScope, redactor: Redactor, context: CommandContext) {
        self.registry = registry
        self.scope = scope
        self.redactor = redactor
        self.context = context
    }

    /// The command as typed, and the names that have no value yet (then the words are shown as written).
    public func present(_ command: Command) -> (text: String, unresolved: [String]) {
        if let shown = Self.stopText(command) { return (shown, []) }
        if let script = command.script {
            let exports = registry.kind(command.key)?.exportsVariables == true
            return (exports ? pasteable(script) : redactor.redact(script), [])
        }
        var unresolved: [String] = []
        var words: [String] = []
        var options: [(name: String, value: String)] = []
        for word in command.words {
            if let value = try? scope.render(word) { words.append(value) } else { unresolved += missing(in: word) }
        }
        for option in command.options {
            if let value = try? scope.render(option.value) {
                options.append((option.name, value))
            } else {
                unresolved += missing(in: option.value)
            }
        }
        guard let kind = registry.kind(command.key) else { return (redactor.redact(command.displayText), unresolved) }
        let resolved =
            unresolved.isEmpty
            ? ResolvedCommand(key: command.key, words: words, options: options)
            : ResolvedCommand(key: command.key, words: command.words.map(\.raw), options: command.options.map { ($0.name, $0.value.raw) })
        return (redactor.redact(ShellQuoting.join(kind.display(resolved, context: context))), unresolved)
    }

    /// What a `stop: ID` step asks of a learner at their own terminal (SPEC 6.11); nil for other commands.
    public static func stopText(_ command: Command) -> String? {
        guard command.key == "stop" else { return nil }
        return "# Ctrl-C in the terminal where step \(command.words.first?.raw ?? "") runs"
    }

    /// An `sh:` script as a learner pastes it into their own shell (SPEC 6.9): first one
    /// `NAME='value'` line for each var, capture or built-in the script reads (a secret as
    /// `NAME="$NAME"`, to be set first), then the script's own lines, as written.
    func pasteable(_ script: String) -> String {
        let values = scope.exportedValues()
        var lines: [String] = []
        for name in ShellVariables.referenced(in: script) {
            guard let value = values[name] else { continue }
            if redactor.redact(value) != value {
                lines.append("\(name)=\"$\(name)\"  # a secret: set \(name) in your shell first")
            } else {
                lines.append("\(name)=" + ShellQuoting.singleQuoted(value))
            }
        }
        lines.append(redactor.redact(script))
        return lines.joined(separator: "\n")
    }

    /// The names used in `template` that have no value yet.
    private func missing(in template: Template) -> [String] {
        template.variableReferences.map(\.name).filter { (try? scope.value(of: $0)) == nil }
    }
}
