/// One named value of a command written as a map, e.g. the `url` of an `http:` request.
public struct CommandOption: Sendable, Hashable {
    /// The name (`url`, `method`, `header.Content-Type`…), as the kind chose it.
    public var name: String
    /// The value, substituted before the command runs.
    public var value: Template

    /// Creates an option.
    public init(name: String, value: Template) {
        self.name = name
        self.value = value
    }
}
