import Foundation
import Text

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
            "hint": SchemaBuilder.described(SchemaBuilder.text, "shown when the step fails (one hint; or `hints`)"),
            "hints": SchemaBuilder.described(
                SchemaBuilder.list(SchemaBuilder.text, minItems: 1),
                "hints the guide reveals one at a time, after each failed attempt or on `?`"),
            "tty": SchemaBuilder.described(SchemaBuilder.boolean, "run under a pseudo-terminal (80×24)"),
            "retry": SchemaBuilder.reference("retry"),
            "finish_on_match": SchemaBuilder.described(
                SchemaBuilder.boolean, "end with success as soon as every positive matcher is satisfied"),
            "needs": SchemaBuilder.described(SchemaBuilder.oneOrMany(SchemaBuilder.identifier), "earlier steps that must pass first"),
            "when": SchemaBuilder.described(
                SchemaBuilder.oneOrMany(condition), "conditions: \(capabilityNames), ${var}, or either negated with '!'"),
            "capture": SchemaBuilder.reference("capture"),
            "verify": .object([
                "description": .string("probes of the state the step should leave, or `self`: the step's own command is the check"),
                "anyOf": .array([SchemaBuilder.list(SchemaBuilder.reference("probe")), .object(["enum": .array([.string("self")])])]),
            ]),
            "verify_before": .object([
                "enum": .array([.string("fail"), .string("pass")]), "description": .string("selftest: what the probes do before the step"),
            ]),
            "background": SchemaBuilder.described(
                SchemaBuilder.boolean, "keep the process running once its ready line matched (needs finish_on_match), until `stop:`"),
            "stop": SchemaBuilder.described(SchemaBuilder.identifier, "stop the background step with this id, as a learner would (Ctrl-C)"),
            "stop_grace": SchemaBuilder.described(
                SchemaBuilder.duration, "time between SIGINT and SIGTERM when the process is stopped; default 15s"),
            "environment": SchemaBuilder.described(
                SchemaBuilder.boolean, "a fact of the machine, not the learner's work: shown as ✓ env"),
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
            "why": Self.why,
            "guard": SchemaBuilder.described(
                SchemaBuilder.boolean,
                "a precondition: selftest does not require it to fail before; a failing guard makes check say can't tell"),
        ]
    }

    /// `why:`: the learner's explanation of a failed check.
    static let why = SchemaBuilder.described(SchemaBuilder.text, "shown in place of the check's own words when it fails")

    /// `value`, or its map form `{ equals: value, why: TEXT }` (`exit:` and `status:`).
    static func withWhy(_ value: JSONValue) -> JSONValue {
        .object([
            "type": .string("object"),
            "properties": .object(["equals": value, "why": why]),
            "required": .array([.string("equals")]),
            "additionalProperties": .bool(false),
        ])
    }

    /// `expect:`.
    var expectValues: [String: JSONValue] {
        let code = SchemaBuilder.wholeNumber(minimum: 0, maximum: 255)
        let exitForms: [JSONValue] = [
            .object(["enum": .array([.string("any"), .string("nonzero")])]), code, SchemaBuilder.list(code, minItems: 1),
        ]
        let statusForms: [JSONValue] = [Self.status, SchemaBuilder.list(Self.status, minItems: 1)]
        return [
            "exit": .object([
                "description": .string("a code 0…255, a list of codes, `any` or `nonzero`; default 0"),
                "anyOf": .array(exitForms + [Self.withWhy(.object(["anyOf": .array(exitForms)]))]),
            ]),
            "status": .object([
                "description": .string("an http: response's status: a code, a class such as 2xx, or a list of them; default 2xx"),
                "anyOf": .array(statusForms + [Self.withWhy(.object(["anyOf": .array(statusForms)]))]),
            ]),
            "exists": SchemaBuilder.described(SchemaBuilder.boolean, "whether the file or object exists; default true"),
            "size": SchemaBuilder.described(Self.comparison, "a file's size in bytes: a number or a comparison such as \">= 1\""),
            "mode": .object([
                "type": .string("string"), "pattern": .string("^[0-7]{3,4}$"),
                "description": .string("a file's permission bits, e.g. \"0644\""),
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
            "why": Self.why,
            "count": SchemaBuilder.described(
                properties(
                    RunbookKeys.count,
                    from: [
                        "matches": SchemaBuilder.text, "min": SchemaBuilder.wholeNumber(minimum: 0),
                        "max": SchemaBuilder.wholeNumber(minimum: 0),
                    ], required: ["matches"]),
                "how many lines match: { matches: RE, min: N, max: N }"),
            "json": SchemaBuilder.described(
                .object([
                    "type": .string("object"),
                    "properties": .object(
                        JSONObject(
                            Dictionary(
                                uniqueKeysWithValues: RunbookKeys.json.map { key in
                                    (
                                        key,
                                        key == "exists"
                                            ? SchemaBuilder.boolean
                                            : key == "length" || key == "value" ? Self.comparison : SchemaBuilder.text
                                    )
                                }))),
                    "additionalProperties": .bool(false),
                    "required": .array([.string("path")]),
                    "minProperties": .integer(2), "maxProperties": .integer(2),
                ]),
                "the stream is one JSON document: { path: .jq.path, OP: V } with one of "
                    + JSONMatcher.operationKeys.joined(separator: ", ")),
        ]
    }

    /// A number, or a comparison such as `">= 0.8"`.
    static let comparison: JSONValue = .object([
        "type": .array([.string("string"), .string("number")]), "pattern": .string("^\\s*(>=|>|<=|<|==|!=)?\\s*\\S"),
    ])

    /// One status: a code 100…599 or a class 1xx…5xx.
    static let status: JSONValue = .object([
        "anyOf": .array([
            SchemaBuilder.wholeNumber(minimum: 100, maximum: 599),
            .object(["type": .string("string"), "pattern": .string("^([1-5][0-9][0-9]|[1-5]xx)$")]),
        ])
    ])

    /// `retry:`.
    var retryValues: [String: JSONValue] {
        [
            "attempts": SchemaBuilder.described(SchemaBuilder.wholeNumber(minimum: 1, maximum: 1000), "the total number of runs"),
            "delay": SchemaBuilder.described(SchemaBuilder.duration, "the wait between attempts"),
            "for": SchemaBuilder.described(SchemaBuilder.duration, "a readiness wait: keep trying this long (not with attempts/delay)"),
            "every": SchemaBuilder.described(SchemaBuilder.duration, "a readiness wait: the pause between tries; default 1s"),
        ]
    }

    /// A capture.
    var captureValues: [String: JSONValue] {
        [
            "from": .object(["enum": .array([.string("stdout"), .string("stderr"), .string("output")])]),
            "regex": SchemaBuilder.described(
                SchemaBuilder.text, "the first group (or the group named like the capture) of the first matching line"),
            "json": SchemaBuilder.described(SchemaBuilder.text, "a jq-style path: the text of its value in the stream's JSON document"),
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
