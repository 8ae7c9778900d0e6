/// How a scalar was written in the source.
public enum ScalarStyle: Sendable, Hashable {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal
    case folded

    /// True for the quoted and block styles, whose text is never a number, boolean or null.
    public var isQuotedOrBlock: Bool { self != .plain }
}
