import Text
import Workflow

/// What `runbook schema` says the value of `container:`, `image:`, `volume:` and `network:` looks like.
extension DockerObjectKind {
    /// The object's name.
    public var valueSchema: JSONValue {
        SchemaBuilder.described(SchemaBuilder.text, "`\(key)`: the name (or id) of the \(key) to inspect on the learner's engine")
    }
}
