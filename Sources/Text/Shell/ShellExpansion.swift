/// `$NAME`, `${NAME}` or `${NAME:-default}` in a command line.
public struct ShellExpansion: Sendable, Hashable {
    /// The variable's name.
    public var name: String
    /// Where the reference is, `$` to the end, in Unicode scalars.
    public var range: Range<Int>
    /// The text after `:-` or `-`, if any.
    public var fallback: String?
    /// True inside single quotes, where a shell expands nothing.
    public var singleQuoted: Bool
}
