import Text
import Workflow

/// What `runbook schema` says a `file:` value looks like.
extension FileCommandKind {
    /// A path, or `{ path, container }`.
    public var valueSchema: JSONValue {
        .object([
            "description": .string("`file`: a path on the runner's machine, or { path: P, container: C } to read inside a container"),
            "anyOf": .array([
                SchemaBuilder.text,
                SchemaBuilder.object(["path": SchemaBuilder.text, "container": SchemaBuilder.text], required: ["path"]),
            ]),
        ])
    }
}
