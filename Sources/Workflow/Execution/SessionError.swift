/// Why a learner's session (or a whole run) cannot start.
public enum SessionError: Error, Sendable, CustomStringConvertible {
    /// A learner's vars are invalid (a required var without value, an undeclared var, a cycle).
    case variables(VariableError)
    /// The results folder or journal cannot be used.
    case results(String)

    /// The problem in one line.
    public var description: String {
        switch self {
        case .variables(let error): error.message
        case .results(let message): message
        }
    }
}
