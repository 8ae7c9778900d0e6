import Foundation
import Text
import Workflow

/// How `runbook docs` shows a step's command: as `guide` shows it, substituted for the docs'
/// learner, redacted, shell-quoted for pasting and without the flags the runner adds, through each
/// kind's own `prepare` (its `display` words). An `sh:` script is shown as SPEC 6.9 says: one
/// `NAME='value'` line per var, built-in or capture the script uses (a secret, or a value not
/// known when the text is written, as `NAME="$NAME"` with a note to set it), then its lines as
/// written.
///
/// The whole presentation is in this one file so that it can be swapped for the presenter that
/// `guide` and `docs` will share.
enum DocsCommandText {
    /// The command of `step` as the learner would type it.
    static func text(
        of command: Command, step: String, runbook: Runbook, scope: DocsScope, registry: KindRegistry
    ) -> String {
        let kind = registry.kind(command.key)
        if let script = command.script {
            return kind?.exportsVariables == true ? self.script(script, runbook: runbook, scope: scope) : scope.redactor.redact(script)
        }
        let resolved = ResolvedCommand(
            key: command.key, words: command.words.map { scope.render($0) },
            options: command.options.map { ($0.name, scope.render($0.value)) })
        if let shown = CommandPresenter.stopText(command) { return shown }
        var context = CommandContext(
            learner: scope.learner, step: step, runId: "docs", environment: ["PATH": ""], marksCreations: false,
            capabilities: Set(registry.capabilities.map(\.capability)))
        context.module = runbook.moduleId
        context.authorEnvironment = Set((runbook.defaults.env + (runbook.step(step)?.env ?? [])).map(\.name))
        let shown = kind?.display(resolved, context: context) ?? [command.key] + resolved.words
        return scope.redactor.redact(ShellQuoting.join(shown))
    }

    /// An `sh:` script with the lines that set what it uses first.
    private static func script(_ script: String, runbook: Runbook, scope: DocsScope) -> String {
        let declared = Set(runbook.vars.map(\.name))
        let captured = Dictionary(
            runbook.steps.flatMap { step in step.captures.map { ($0.name, step.id) } }, uniquingKeysWith: { first, _ in first })
        var names: [String] = []
        for line in script.split(separator: "\n", omittingEmptySubsequences: false) {
            for expansion in ShellLine(String(line)).expansions where !expansion.singleQuoted && !names.contains(expansion.name) {
                let known = declared.contains(expansion.name) || TemplateParser.builtins.contains(expansion.name)
                if known || captured[expansion.name] != nil {
                    names.append(expansion.name)
                }
            }
        }
        var lines: [String] = []
        for name in names {
            if scope.secretNames.contains(name) {
                lines.append("\(name)=\"$\(name)\"  # a secret: set \(name) in your shell first")
            } else if let value = captured[name] == nil || declared.contains(name) ? scope.value(of: name) : nil {
                lines.append("\(name)=" + ShellQuoting.singleQuoted(scope.redactor.redact(value)))
            } else if let step = captured[name] {
                lines.append("\(name)=\"$\(name)\"  # set \(name) first: step \(step) prints it")
            } else {
                lines.append("\(name)=\"$\(name)\"  # set \(name) in your shell first")
            }
        }
        var body = script
        while body.hasSuffix("\n") { body.removeLast() }
        return (lines + [scope.redactor.redact(body)]).joined(separator: "\n")
    }
}
