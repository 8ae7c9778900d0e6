/// One entry of `vars:`: a default (possibly with `${…}`), or a map with `required`, `description`, `default`.
public struct VariableDeclaration: Sendable, Hashable {
    /// The var's name.
    public var name: String
    /// Its default value, if any.
    public var defaultValue: Template?
    /// Whether a learner must end up with a non-empty value.
    public var required: Bool
    /// What the value is, for prompts and errors.
    public var description: String?
    /// Where the name is written.
    public var location: SourceLocation

    /// Creates a declaration.
    public init(name: String, defaultValue: Template?, required: Bool = false, description: String? = nil, location: SourceLocation) {
        self.name = name
        self.defaultValue = defaultValue
        self.required = required
        self.description = description
        self.location = location
    }
}
