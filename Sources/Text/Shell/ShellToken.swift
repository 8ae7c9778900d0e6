/// A word or an operator of a command line, as `ShellLexer` reads it.
public struct ShellToken: Sendable, Hashable {
    /// One character of a word once quotes are removed, and where it came from.
    public struct Part: Sendable, Hashable {
        /// The character.
        public var scalar: Unicode.Scalar
        /// Its offset in the line, in Unicode scalars (for an escaped character: the character's, not the backslash's).
        public var offset: Int
        /// Whether it was inside quotes or escaped.
        public var quoted: Bool
        /// True for the line break of a backslash-newline, which a POSIX shell removes (a continuation).
        public var isLineContinuation: Bool
    }

    /// True for `|`, `&&`, `>`, `;`, `(` and the other control and redirection operators.
    public var isOperator: Bool
    /// Where the token is, in Unicode scalars of the line, quotes included.
    public var range: Range<Int>
    /// A word's characters with quotes and escaping backslashes removed; an operator's own.
    public var parts: [Part]
    /// True when any part of the word was quoted or escaped.
    public var quoted: Bool

    /// The token with quotes and backslashes removed (an operator: itself), continuations kept.
    public var value: String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: parts.map(\.scalar))
        return String(scalars)
    }
}
