import Foundation

/// What the value of each key of a runbook looks like: the decoder's own rules (SPEC 1), as JSON Schema.
extension RunbookSchema {
    /// The top level.
    var topLevelValues: [String: JSONValue] {
        let reserved = (TemplateParser.builtins.sorted() + ["env"]).map(JSONValue.string)
        return [
            "runbook": .object(["enum": .array([.integer(1), .string("1")]), "description": .string("the format version; only 1 exists")]),
            "title": SchemaBuilder.described(SchemaBuilder.text, "the runbook's title"),
            "description": SchemaBuilder.described(SchemaBuilder.text, "what the module teaches"),
            "module": SchemaBuilder.described(SchemaBuilder.text, "the module's folder, ${module}; default the runbook's folder"),
            "vars": .object([
                "type": .string("object"),
                "description": .string("every var the runbook uses: a default, or { required, description, default }"),
                "propertyNames": .object(["pattern": .string(SchemaBuilder.namePattern), "not": .object(["enum": .array(reserved)])]),
                "additionalProperties": SchemaBuilder.reference("variable"),
            ]),
            "secrets": SchemaBuilder.described(
                SchemaBuilder.list(.object(["type": .string("string"), "pattern": .string(SchemaBuilder.namePattern)])),
                "vars or environment variables whose values are redacted everywhere"),
            "defaults": SchemaBuilder.described(SchemaBuilder.reference("defaults"), "defaults of every step: timeout, retry, env, cwd"),
            "steps": SchemaBuilder.described(SchemaBuilder.list(SchemaBuilder.reference("step"), minItems: 1), "the steps, run in order"),
            "cleanup": SchemaBuilder.described(
                SchemaBuilder.list(SchemaBuilder.reference("cleanupItem")), "always run at the end of `run`"),
        ]
    }

    /// A step's own keys.
    var stepValues: [String: JSONValue] {
        probeValues.merging([
            "id": SchemaBuilder.described(SchemaBuilder.identifier, "unique id: [a-z0-9][a-z0-9_-]*"),
            "title": SchemaBuilder.described(SchemaBuilder.text, "a short title; ${…} substituted"),
            "say": SchemaBuilder.described(SchemaBuilder.text, "Markdown shown by `runbook guide`"),
            "hint": SchemaBuilder.described(SchemaBuilder.text, "shown when the step fails"),
            "tty": SchemaBuilder.described(SchemaBuilder.boolean, "run under a pseudo-terminal (80×24)"),
            "retry": SchemaBuilder.reference("retry"),
            "finish_on_match": SchemaBuilder.described(
                SchemaBuilder.boolean, "end with success as soon as every positive matcher is satisfied"),
            "needs": SchemaBuilder.described(SchemaBuilder.oneOrMany(SchemaBuilder.identifier), "earlier steps that must pass first"),
            "when": SchemaBuilder.described(
                SchemaBuilder.oneOrMany(condition), "conditions: \(capabilityNames), ${var}, or either negated with '!'"),
            "capture": SchemaBuilder.reference("capture"),
            "verify": SchemaBuilder.described(
                SchemaBuilder.list(SchemaBuilder.reference("probe")), "probes of the state the step should leave"),
            "verify_before": .object([
                "enum": .array([.string("fail"), .string("pass")]), "description": .string("selftest: what the probes do before the step"),
            ]),
        ]) { _, step in step }
    }

    /// The capabilities `when:` may name, from the registry's backends: `tty, gpu`.
    var capabilityNames: String { registry.capabilities.map(\.capability.rawValue).joined(separator: ", ") }

    /// One `when:` item: a capability the registry knows or a `${…}`, either negated with `!`.
    var condition: JSONValue {
        let names = registry.capabilities.map { NSRegularExpression.escapedPattern(for: $0.capability.rawValue) }.joined(separator: "|")
        return .object(["type": .string("string"), "pattern": .string("^\\s*!?\\s*(?:(?:\(names))\\s*$|.*\\$\\{)")])
    }

    /// The keys that probes, cleanup items, steps and `defaults:` share.
    var probeValues: [String: JSONValue] {
        [
            "expect": SchemaBuilder.reference("expect"),
            "cwd": SchemaBuilder.described(SchemaBuilder.text, "working directory; default the runbook's folder"),
            "env": SchemaBuilder.reference("env"),
            "stdin": SchemaBuilder.described(SchemaBuilder.text, "text fed to standard input"),
            "timeout": SchemaBuilder.described(SchemaBuilder.duration, "limit of each attempt, e.g. 2m"),
            "retry": SchemaBuilder.reference("retry"),
        ]
    }

    /// `expect:`.
    var expectValues: [String: JSONValue] {
        let code = SchemaBuilder.wholeNumber(minimum: 0, maximum: 255)
        return [
            "exit": .object([
                "description": .string("a code 0…255, a list of codes, `any` or `nonzero`; default 0"),
                "anyOf": .array([
                    .object(["enum": .array([.string("any"), .string("nonzero")])]), code, SchemaBuilder.list(code, minItems: 1),
                ]),
            ]),
            "stdout": SchemaBuilder.reference("stream"),
            "stderr": SchemaBuilder.reference("stream"),
            "output": SchemaBuilder.reference("stream"),
            "values": SchemaBuilder.map(
                keys: SchemaBuilder.namePattern,
                values: .object(["type": .string("string"), "pattern": .string("^\\s*(>=|>|<=|<|==|!=)")]),
                description: "numeric checks of captured values: NAME: \">= 0.8\""),
        ]
    }

    /// The matchers.
    var matcherValues: [String: JSONValue] {
        [
            "contains": SchemaBuilder.described(SchemaBuilder.text, "some line contains the text"),
            "not_contains": SchemaBuilder.described(SchemaBuilder.text, "no line contains the text"),
            "matches": SchemaBuilder.described(SchemaBuilder.text, "some line matches the ICU regex"),
            "not_matches": SchemaBuilder.described(SchemaBuilder.text, "no line matches the ICU regex"),
            "equals": SchemaBuilder.described(SchemaBuilder.text, "the whole stream, trailing whitespace trimmed"),
            "lines": SchemaBuilder.described(
                SchemaBuilder.list(SchemaBuilder.text, minItems: 1), "regexes matched in order, each on a later line"),
            "count": SchemaBuilder.described(
                properties(RunbookKeys.count, from: [
                    "matches": SchemaBuilder.text, "min": SchemaBuilder.wholeNumber(minimum: 0),
                    "max": SchemaBuilder.wholeNumber(minimum: 0),
                ], required: ["matches"]),
                "how many lines match: { matches: RE, min: N, max: N }"),
        ]
    }

    /// `retry:`.
    var retryValues: [String: JSONValue] {
        [
            "attempts": SchemaBuilder.described(SchemaBuilder.wholeNumber(minimum: 1, maximum: 1000), "the total number of runs"),
            "delay": SchemaBuilder.described(SchemaBuilder.duration, "the wait between attempts"),
        ]
    }

    /// A capture.
    var captureValues: [String: JSONValue] {
        [
            "from": .object(["enum": .array([.string("stdout"), .string("stderr"), .string("output")])]),
            "regex": SchemaBuilder.described(
                SchemaBuilder.text, "the first group (or the group named like the capture) of the first matching line"),
        ]
    }

    /// A var written as a map.
    var variableValues: [String: JSONValue] {
        [
            "required": SchemaBuilder.boolean,
            "description": SchemaBuilder.text,
            "default": Self.scalarOrNull,
        ]
    }
}
