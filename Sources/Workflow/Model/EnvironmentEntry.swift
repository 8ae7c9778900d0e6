/// One `env:` entry: a variable name and its (substituted) value.
public struct EnvironmentEntry: Sendable, Hashable {
    /// The variable's name.
    public var name: String
    /// Its value.
    public var value: Template

    /// Creates an entry.
    public init(name: String, value: Template) {
        self.name = name
        self.value = value
    }
}
