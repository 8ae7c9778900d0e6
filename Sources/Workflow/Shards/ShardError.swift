/// A shard that cannot be used: a bad `I/N`, or sharding without a roster (a usage error, exit status 2).
public enum ShardError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The shard's text or environment is not valid.
    case invalid(String)

    /// What is wrong.
    public var message: String {
        switch self {
        case .invalid(let message): message
        }
    }

    /// The message printed after `error: `.
    public var description: String { message }
}
