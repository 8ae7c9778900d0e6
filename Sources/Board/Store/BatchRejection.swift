/// Why a pushed batch was refused; nothing of it is stored (SPEC 7).
public struct BatchRejection: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why, as the HTTP status says it.
    public enum Kind: Sendable, Equatable {
        /// 400: a record is not valid, names another learner, runbook or an unknown step.
        case invalid
        /// 409: the seqs do not follow what is stored (a gap, or a seq stored with other content).
        case conflict
        /// 503: the store could not write.
        case storage
    }

    /// Which kind of refusal.
    public var kind: Kind
    /// What is wrong, for the client.
    public var message: String
    /// The line of the body at fault (from 1), when one is.
    public var line: Int?
    /// The highest contiguous seq stored for the learner, for a conflict.
    public var acked: Int?

    /// Creates a refusal.
    public init(_ kind: Kind, _ message: String, line: Int? = nil, acked: Int? = nil) {
        self.kind = kind
        self.message = message
        self.line = line
        self.acked = acked
    }

    /// The message with its line.
    public var description: String { line.map { "line \($0): \(message)" } ?? message }
}
