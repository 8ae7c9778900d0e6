/// A var that cannot be given a value for a learner.
public struct VariableError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Where the offending definition is.
    public var location: SourceLocation?

    /// Creates the error.
    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    public var description: String { message }
}
