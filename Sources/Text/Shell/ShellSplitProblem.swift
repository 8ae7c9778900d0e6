/// Why a command string cannot be split into words.
public struct ShellSplitProblem: Error, Sendable, Hashable {
    /// What is wrong.
    public var message: String
    /// Offset (in Unicode scalars) of the offending character.
    public var offset: Int
}
