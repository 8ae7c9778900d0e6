import Foundation
import Workflow

/// The values `runbook docs` shows, the same on every machine: the learner `local` (or
/// `--learner`), each var from its default (or `--var`/`--var-file`), `${env.X:-d}` as `d` (the
/// runner's environment is never read), `${module}` and `${runbook_dir}` relative to the folder of
/// the Markdown; a capture, `${run_id}`, or a required var without a value shown as `${name}`.
public struct DocsScope {
    /// The learner the text is written for.
    public let learner: String
    /// The merged vars.
    public let scope: VariableScope
    /// Names shown as `${name}`: required vars without a value.
    public let placeholders: Set<String>
    /// Hides the values of secrets.
    public let redactor: Redactor
    /// Names whose values are secret.
    public let secretNames: Set<String>

    /// The values for `runbook`, with paths relative to `directory` (where the Markdown goes).
    public init(runbook: Runbook, learner: String, layers: VariableLayers, directory: String) throws(VariableError) {
        self.learner = learner
        var optional = runbook
        optional.vars = runbook.vars.map { declaration in
            var copy = declaration
            copy.required = false
            return copy
        }
        let builtins = [
            "learner": learner, "module": RelativePath.from(directory, to: runbook.module),
            "runbook_dir": RelativePath.from(directory, to: runbook.directory),
        ]
        let first = try VariableScope(runbook: optional, layers: layers, builtins: builtins, environment: [:])
        var missing = Set<String>()
        for declaration in runbook.vars where declaration.required {
            if (try? first.value(of: declaration.name))?.isEmpty ?? true { missing.insert(declaration.name) }
        }
        var marked = layers
        for name in missing {
            marked.commandLine[name] = VariableLayers.Value(text: "$${\(name)}", location: SourceLocation(file: "docs", line: 1, column: 1))
        }
        scope = missing.isEmpty ? first : try VariableScope(runbook: optional, layers: marked, builtins: builtins, environment: [:])
        placeholders = missing
        secretNames = Set(runbook.vars.map(\.name).filter { runbook.secrets.contains($0) || Redactor.isSecretName($0) })
        let scope = scope
        let secrets = secretNames.subtracting(missing).compactMap { try? scope.value(of: $0) }
        redactor = Redactor(secrets: secrets)
    }

    /// `template` substituted: unknown names (captures, `${run_id}`) as `${name}`, the names of
    /// `overriding` with those values; not redacted.
    public func render(_ template: Template, overriding: [String: String] = [:]) -> String {
        template.render { part in
            switch part {
            case .literal(let text): return text
            case .variable(let name, _): return overriding[name] ?? value(of: name) ?? "${\(name)}"
            case .environment(_, let fallback, _): return fallback.map { render($0, overriding: overriding) } ?? ""
            }
        }
    }

    /// `template` substituted and redacted, for prose.
    public func text(_ template: Template?) -> String? {
        template.map { redactor.redact(render($0)) }
    }

    /// The value of a var or built-in, nil when it is shown as `${name}`.
    public func value(of name: String) -> String? {
        guard !placeholders.contains(name) else { return nil }
        return try? scope.value(of: name)
    }
}
