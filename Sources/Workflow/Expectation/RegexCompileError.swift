/// A regex that ICU refused to compile.
public struct RegexCompileError: Error, Sendable, Hashable {
    /// The pattern as compiled.
    public var pattern: String
    /// ICU's reason.
    public var reason: String
}
