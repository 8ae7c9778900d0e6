import Synchronization

/// The values one learner's steps see: vars (merged from every layer, expanded once and lazily),
/// built-ins, environment variables and the captures made so far.
public final class VariableScope: Sendable {
    private struct State {
        var expanded: [String: String] = [:]
        var captures: [String: String] = [:]
        /// Values typed in the guide for `required` vars that had none (SPEC 10.3).
        var provided: [String: String] = [:]
    }

    private let definitions: [String: (template: Template?, declaration: VariableDeclaration)]
    private let builtins: [String: String]
    /// The environment that `${env.NAME}` reads.
    public let environment: [String: String]
    private let state = Mutex(State())

    /// Merges `layers` over the runbook's defaults; values from layers are parsed as templates too.
    /// `deferRequired` (the guide) lets a `required` var without a value through: it is asked for
    /// when a step that uses it is shown, and given with `provide`.
    public init(
        runbook: Runbook, layers: VariableLayers, builtins: [String: String], environment: [String: String], deferRequired: Bool = false
    ) throws(VariableError) {
        var definitions: [String: (Template?, VariableDeclaration)] = [:]
        let declared = Dictionary(runbook.vars.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for (name, location) in layers.allNames where declared[name] == nil {
            var message = "'\(name)' is not a var of this runbook; declare it in `vars:`"
            if let suggestion = KeyChecker.nearest(to: name, in: declared.keys.sorted()) { message += " (did you mean '\(suggestion)'?)" }
            throw VariableError(message, at: location)
        }
        for declaration in runbook.vars {
            if let override = layers.value(for: declaration.name) {
                var problems: [Diagnostic] = []
                let template = TemplateParser().parse(override.text, at: override.location) { problems.append($0) }
                if let problem = problems.first { throw VariableError(problem.message, at: problem.location) }
                for reference in template.variableReferences
                where declared[reference.name] == nil && TemplateParser.builtins.contains(reference.name) == false {
                    throw VariableError("'${\(reference.name)}' in the value of \(declaration.name) is not a var", at: override.location)
                }
                definitions[declaration.name] = (template, declaration)
            } else {
                definitions[declaration.name] = (declaration.defaultValue, declaration)
            }
        }
        self.definitions = definitions
        self.builtins = builtins
        self.environment = environment
        for declaration in runbook.vars where declaration.required && !deferRequired {
            let value = try self.value(of: declaration.name)
            if value.isEmpty {
                let about = declaration.description.map { " (\($0))" } ?? ""
                throw VariableError(
                    "var '\(declaration.name)'\(about) is required but has no value; set it with --var \(declaration.name)=…, a --var-file or the roster",
                    at: declaration.location)
            }
        }
    }

    /// The value of a var, built-in or capture; vars are expanded on first use and remembered.
    public func value(of name: String) throws(VariableError) -> String {
        var stack: [String] = []
        return try value(of: name, stack: &stack)
    }

    private func value(of name: String, stack: inout [String]) throws(VariableError) -> String {
        if let builtin = builtins[name] { return builtin }
        if let known = state.withLock({ $0.captures[name] ?? $0.provided[name] ?? $0.expanded[name] }) { return known }
        guard let definition = definitions[name] else {
            throw VariableError("'\(name)' has no value: it is not a var, and no step has captured it yet")
        }
        if stack.contains(name) {
            throw VariableError(
                "vars refer to each other in a cycle: " + (stack.drop(while: { $0 != name }) + [name]).joined(separator: " -> "),
                at: definition.declaration.location)
        }
        stack.append(name)
        defer { stack.removeLast() }
        let expanded = try definition.template.map { template throws(VariableError) in try render(template, stack: &stack) } ?? ""
        state.withLock { $0.expanded[name] = expanded }
        return expanded
    }

    /// Substitutes every reference of `template`; `escape` transforms each inserted value (e.g. regex escaping).
    public func render(_ template: Template, escape: (String) -> String = { $0 }) throws(VariableError) -> String {
        var stack: [String] = []
        return try render(template, stack: &stack, escape: escape)
    }

    private func render(_ template: Template, stack: inout [String], escape: (String) -> String = { $0 }) throws(VariableError) -> String {
        var output = ""
        for part in template.parts {
            switch part {
            case .literal(let text):
                output += text
            case .variable(let name, _):
                output += escape(try value(of: name, stack: &stack))
            case .environment(let name, let fallback, _):
                if let value = environment[name], !(fallback != nil && value.isEmpty) {
                    output += escape(value)
                } else if let fallback {
                    output += escape(try render(fallback, stack: &stack))
                }
            }
        }
        return output
    }

    /// Gives a `required` var the value the learner typed; vars already expanded from it are
    /// expanded again on their next use. The value is never scanned for `${…}`.
    public func provide(_ name: String, value: String) {
        state.withLock { state in
            state.provided[name] = value
            state.expanded = [:]
        }
    }

    /// The names the value of var `name` refers to (none for a built-in or an unknown name).
    func definitionReferences(of name: String) -> [String] {
        definitions[name]?.template?.variableReferences.map(\.name) ?? []
    }

    /// Records a captured value; it is never expanded further.
    public func setCapture(_ name: String, _ value: String) {
        state.withLock { $0.captures[name] = value }
    }

    /// Whether a capture has been made.
    public func hasCapture(_ name: String) -> Bool {
        state.withLock { $0.captures[name] != nil }
    }

    /// All captures made so far.
    public var captures: [String: String] {
        state.withLock { $0.captures }
    }

    /// Every built-in, var and capture with its value, for exporting to `sh:` steps (SPEC 6.10:
    /// `${port.web}` as `port_web`); vars that cannot be expanded are left out.
    public func exportedValues() -> [String: String] {
        var values: [String: String] = [:]
        for (name, value) in builtins {
            values[TemplateParser.portName(of: name).map { "port_" + $0 } ?? name] = value
        }
        for name in definitions.keys {
            if let value = try? value(of: name) { values[name] = value }
        }
        for (name, value) in captures { values[name] = value }
        return values
    }

    /// Names of the declared vars.
    public var declaredNames: [String] { Array(definitions.keys) }
}
