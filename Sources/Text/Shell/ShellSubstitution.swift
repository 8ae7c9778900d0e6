/// A command substitution in a command line: a backtick or `$(`.
public struct ShellSubstitution: Sendable, Hashable {
    /// Where it starts, in Unicode scalars.
    public var offset: Int
    /// True for a backtick, false for `$(`.
    public var isBacktick: Bool
    /// True inside double quotes.
    public var inDoubleQuotes: Bool
}
