/// Why a `runbook guide` session cannot start.
public enum GuideSessionError: Error, Sendable, CustomStringConvertible {
    /// A guide walks exactly one learner through the runbook; the configuration names this many.
    case notOneLearner(Int)
    /// The learner's vars are invalid (a required var without value, an undeclared var, a cycle).
    case variables(VariableError)
    /// The results folder or journal cannot be written.
    case results(String)

    /// The problem in one line.
    public var description: String {
        switch self {
        case .notOneLearner(let count): "a guide session is for one learner, not \(count)"
        case .variables(let error): error.message
        case .results(let message): message
        }
    }
}
