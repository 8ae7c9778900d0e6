/// Why an Engine API call gave no usable answer, with the message the docker CLI would print for
/// the same fault, so that a step's reason reads the same whichever way the engine was asked.
public struct EngineFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of fault it is.
    public enum Kind: Sendable, Hashable {
        /// The engine could not be reached (no socket, refused, reset, no answer in time).
        case unreachable
        /// The engine answered with an error status (the code), e.g. 404 for no such object.
        case daemon(Int)
        /// The engine's answer could not be read (not JSON, cut short).
        case malformed
        /// The call was cancelled (timeout of the step, Ctrl-C).
        case interrupted
    }

    /// What kind of fault it is.
    public var kind: Kind
    /// The message, as the CLI says it: "Cannot connect to the Docker daemon at unix:///x.sock. Is the docker daemon running?",
    /// "Error response from daemon: No such container: web".
    public var message: String

    /// Creates a failure.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The engine's status code when it answered with an error.
    public var status: Int? {
        if case .daemon(let code) = kind { return code }
        return nil
    }

    /// The message.
    public var description: String { message }

    /// The CLI's words for an engine that does not answer at `endpoint`.
    static func unreachable(_ endpoint: EngineEndpoint) -> EngineFailure {
        EngineFailure(.unreachable, "Cannot connect to the Docker daemon at \(endpoint.text). Is the docker daemon running?")
    }
}
