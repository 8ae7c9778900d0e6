/// How a `CommandAction` ended.
public struct ActionOutcome: Sendable, Hashable {
    /// Why it could not do its work.
    public enum Problem: Sendable, Hashable {
        /// The learner's doing (a server that is not up, a file not there): the step `failed`, and a retry may wait for it.
        case failed(String)
        /// The environment's (an engine that answers with an error): the step is `error`.
        case error(String)
    }

    /// An exit status, when the kind has one.
    public var exitCode: Int32?
    /// What it found out about its subject (status, existence, size, mode).
    public var facts: SubjectFacts?
    /// Why it could not do its work, if so.
    public var problem: Problem?

    /// Creates an outcome.
    public init(exitCode: Int32? = nil, facts: SubjectFacts? = nil, problem: Problem? = nil) {
        self.exitCode = exitCode
        self.facts = facts
        self.problem = problem
    }
}
