/// Why a command cannot run at all (status `error`), e.g. "no NVIDIA runtime on this engine".
public struct CommandProblem: Error, Sendable, Hashable {
    /// The reason shown to the user.
    public var message: String

    /// Creates a problem.
    public init(_ message: String) {
        self.message = message
    }
}
