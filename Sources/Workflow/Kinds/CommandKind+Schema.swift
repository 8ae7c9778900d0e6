import Text

/// What `runbook schema` says a command key's value looks like (JSON Schema draft-07).
extension CommandKind {
    /// By default a command line: a string (split by shell rules) or a list of words.
    public var valueSchema: JSONValue {
        .object([
            "description": .string("`\(key)`: a command line (split by POSIX shell rules) or a list of words"),
            "anyOf": .array([SchemaBuilder.text, SchemaBuilder.list(SchemaBuilder.text, minItems: 1)]),
        ])
    }
}

extension ExecCommandKind {
    /// A list: the program, then its arguments.
    public var valueSchema: JSONValue {
        .object([
            "description": .string("`exec`: [PROGRAM, ARG…], run as given"),
            "type": .string("array"), "minItems": .integer(1), "items": SchemaBuilder.text,
        ])
    }
}

extension ShellCommandKind {
    /// One script, never substituted.
    public var valueSchema: JSONValue {
        .object([
            "description": .string("`sh`: a script for /bin/sh -c; vars arrive as environment variables"),
            "type": SchemaBuilder.scalarTypes,
        ])
    }
}
