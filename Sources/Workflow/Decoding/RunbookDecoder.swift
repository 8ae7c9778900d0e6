import Foundation

/// Turns a runbook's node tree into the model, collecting every problem instead of stopping at the first.
///
/// Split by concept: this file reads the top level, vars and defaults; `+Step` steps, probes and
/// their commands (through the kinds of `registry`); `+Expectation`, `+Capture` and `+Condition`
/// the rest. What only the whole runbook can judge goes to `reader.findings` for the validator.
struct RunbookDecoder {
    /// Reads typed values and collects diagnostics and findings.
    var reader = NodeReader()
    /// The runbook file as named.
    let path: String
    /// The absolute folder of the file (`${runbook_dir}`, the default `module`).
    let directory: String
    /// The kinds that may be named, and the backends' capabilities.
    let registry: KindRegistry
    /// The allowed keys, with the registry's command keys.
    let keys: RunbookKeys
    /// Every `needs` entry seen, in order, with its position.
    var needLocations: [(String, SourceLocation)] = []

    /// A decoder for the runbook at `path` (in `directory`) that knows the kinds of `registry`.
    init(path: String, directory: String, registry: KindRegistry) {
        self.path = path
        self.directory = directory
        self.registry = registry
        self.keys = RunbookKeys(registry)
    }

    /// Decodes the root; returns nil when the file is too broken to yield steps at all.
    mutating func decode(_ root: Node?, sha256: String) -> Runbook? {
        guard let root else {
            reader.error(
                "the file holds no YAML document; a runbook needs at least `runbook: 1` and `steps:`",
                at: SourceLocation(file: path, line: 1, column: 1))
            return nil
        }
        guard let pairs = reader.mapping(root, "the runbook", keys: RunbookKeys.topLevel) else { return nil }
        var version: Int?
        var title: String?
        var description: String?
        var module = directory
        var moduleWritten = false
        var vars: [VariableDeclaration] = []
        var secrets: [String] = []
        var defaults = StepDefaults()
        var steps: [Step] = []
        var cleanup: [Probe] = []
        var sawSteps = false
        for pair in pairs {
            let value = pair.value
            switch pair.key.scalarValue {
            case "runbook":
                if value.scalarValue == "1" {
                    version = 1
                } else {
                    reader.error(
                        "unsupported runbook format '\(value.scalarValue ?? value.kindDescription)'; only `runbook: 1` exists",
                        at: value.location)
                    version = 0
                }
            case "title": title = reader.text(value, "title")
            case "description": description = reader.text(value, "description")
            case "module":
                if let text = reader.text(value, "module") {
                    module =
                        text.hasPrefix("/") ? text : URL(fileURLWithPath: directory).appendingPathComponent(text).standardizedFileURL.path
                    moduleWritten = true
                }
            case "vars": vars = decodeVars(value)
            case "secrets":
                for item in reader.list(value, "secrets") ?? [] {
                    guard let name = reader.text(item, "a secret's name") else { continue }
                    if TemplateParser.isVariableName(name) {
                        secrets.append(name)
                    } else {
                        reader.error("'\(name)' is not a var or environment variable name", at: item.location)
                    }
                }
            case "defaults": defaults = decodeDefaults(value)
            case "steps":
                sawSteps = true
                guard let items = reader.list(value, "steps") else { continue }
                if items.isEmpty { reader.error("steps must not be empty", at: value.location) }
                steps = []
                steps.reserveCapacity(items.count)
                for item in items { if let step = decodeStep(item) { steps.append(step) } }
            case "cleanup":
                cleanup = (reader.list(value, "cleanup") ?? []).compactMap { decodeProbe($0, what: "cleanup item", keys: keys.cleanup) }
            default: break
            }
        }
        if version == nil { reader.error("missing `runbook: 1` (the format version)", at: root.location) }
        if !sawSteps { reader.error("missing `steps:`; a runbook needs at least one step", at: root.location) }
        var runbook = Runbook(
            path: path, directory: directory, sha256: sha256, version: version ?? 1, title: title, description: description, module: module,
            vars: vars, secrets: secrets, defaults: defaults, steps: steps, cleanup: cleanup)
        if moduleWritten { runbook.moduleFolderName = URL(fileURLWithPath: module).lastPathComponent }
        return runbook
    }

    /// `vars:`: each name with its default, or `{ required, description, default }`.
    mutating func decodeVars(_ node: Node) -> [VariableDeclaration] {
        guard let pairs = node.mappingPairs else {
            reader.error("vars must be a map of names to defaults, found \(node.kindDescription)", at: node.location)
            return []
        }
        var result: [VariableDeclaration] = []
        for pair in pairs {
            guard let name = pair.key.scalarValue else {
                reader.error("a var's name must be text", at: pair.key.location)
                continue
            }
            guard TemplateParser.isVariableName(name) else {
                reader.error("'\(name)' is not a valid var name; use [A-Za-z_][A-Za-z0-9_]*", at: pair.key.location)
                continue
            }
            if TemplateParser.builtins.contains(name) || name == "env" {
                reader.error("'\(name)' is a built-in name and cannot be declared as a var", at: pair.key.location)
                continue
            }
            let valueNode = pair.value
            if let varPairs = valueNode.mappingPairs {
                diagnosticsForKeys(varPairs, "var '\(name)'", RunbookKeys.variable)
                var required = false
                var description: String?
                var fallback: Template?
                for varPair in varPairs {
                    switch varPair.key.scalarValue {
                    case "required": required = reader.bool(varPair.value, "required") ?? false
                    case "description": description = reader.text(varPair.value, "description")
                    case "default": fallback = value(ofDefault: varPair.value)
                    default: break
                    }
                }
                result.append(
                    VariableDeclaration(
                        name: name, defaultValue: fallback, required: required, description: description, location: pair.key.location))
            } else if valueNode.sequenceItems != nil {
                reader.error("var '\(name)' must be text or a map with required/description/default, found a list", at: valueNode.location)
            } else {
                result.append(VariableDeclaration(name: name, defaultValue: value(ofDefault: valueNode), location: pair.key.location))
            }
        }
        return result
    }

    /// A var's default: any scalar; an empty plain value means "no default".
    mutating func value(ofDefault node: Node) -> Template? {
        guard let text = node.scalarValue else {
            reader.error("a var's default must be text, found \(node.kindDescription)", at: node.location)
            return nil
        }
        if node.isNull && node.scalarStyle == .plain && (text.isEmpty || text == "~") { return nil }
        return reader.template(text, of: node)
    }

    /// Unknown and non-text keys of a mapping that is not read through `NodeReader.mapping`.
    mutating func diagnosticsForKeys(_ pairs: [Node.Pair], _ what: String, _ keys: [String]) {
        reader.diagnostics += KeyChecker(allowed: keys, what: what).check(pairs)
    }

    /// `defaults:`: timeout, retry, env and cwd for every step.
    mutating func decodeDefaults(_ node: Node) -> StepDefaults {
        var defaults = StepDefaults()
        for pair in reader.mapping(node, "defaults", keys: RunbookKeys.defaults) ?? [] {
            switch pair.key.scalarValue {
            case "timeout": defaults.timeout = reader.duration(pair.value, "timeout")
            case "retry": defaults.retry = decodeRetry(pair.value)
            case "env": defaults.env = decodeEnvironment(pair.value)
            case "cwd": defaults.cwd = reader.template(pair.value, "cwd")
            default: break
            }
        }
        return defaults
    }

    /// `retry: { attempts: N, delay: D }` or `retry: { for: W, every: E }` (never both forms).
    mutating func decodeRetry(_ node: Node) -> Retry? {
        guard let pairs = reader.mapping(node, "retry", keys: RunbookKeys.retry) else { return nil }
        var attempts: Int?
        var delay: Duration = .zero
        var window: Duration?
        var every: Duration?
        var countKey: Node?
        var waitKey: Node?
        for pair in pairs {
            switch pair.key.scalarValue {
            case "attempts":
                countKey = countKey ?? pair.key
                attempts = reader.integer(pair.value, "attempts", in: 1...1000) ?? 1
            case "delay":
                countKey = countKey ?? pair.key
                delay = reader.duration(pair.value, "delay") ?? .zero
            case "for":
                waitKey = waitKey ?? pair.key
                window = reader.duration(pair.value, "for")
            case "every":
                waitKey = waitKey ?? pair.key
                every = reader.duration(pair.value, "every")
            default: break
            }
        }
        if let countKey, let waitKey {
            let later = countKey.location < waitKey.location ? waitKey : countKey
            reader.error(
                "retry takes either `attempts`/`delay` (a number of runs) or `for`/`every` (a readiness wait), not both", at: later.location
            )
            return nil
        }
        if waitKey != nil {
            guard let window else {
                reader.error("retry needs `for` (how long to keep trying), e.g. { for: 30s, every: 500ms }", at: node.location)
                return nil
            }
            return Retry(for: window, every: every ?? .seconds(1))
        }
        guard let attempts else {
            reader.error("retry needs `attempts` (the total number of runs) or `for` (how long to keep trying)", at: node.location)
            return Retry(attempts: 1)
        }
        return Retry(attempts: attempts, delay: delay)
    }

    /// `env:`: environment names and their (substituted) values.
    mutating func decodeEnvironment(_ node: Node) -> [EnvironmentEntry] {
        guard let pairs = node.mappingPairs else {
            reader.error("env must be a map of names to values, found \(node.kindDescription)", at: node.location)
            return []
        }
        var entries: [EnvironmentEntry] = []
        for pair in pairs {
            guard let name = pair.key.scalarValue, TemplateParser.isEnvironmentName(name) else {
                reader.error("'\(pair.key.scalarValue ?? "?")' is not a valid environment variable name", at: pair.key.location)
                continue
            }
            if let value = reader.template(pair.value, "env \(name)") { entries.append(EnvironmentEntry(name: name, value: value)) }
        }
        return entries
    }
}
