import Foundation

/// A command line read the way a POSIX shell reads it (`ShellLexer` with the shell's rules), far
/// enough to classify it (words, operators, command substitution, comments, here-documents) and
/// to find and rewrite its variable references: the reading `runbook import` gives a tutorial's lines.
public struct ShellLine: Sendable {
    /// A word or an operator, with its place in the line.
    public struct Token: Sendable, Hashable {
        /// The text as written, quotes included.
        public var raw: String
        /// The word with quotes and backslashes removed (an operator: itself).
        public var value: String
        /// True for `|`, `&&`, `>`, `;`, `(` and the other control and redirection operators.
        public var isOperator: Bool
        /// True when any part of the word was quoted or escaped.
        public var quoted: Bool
        /// Where it is, in Unicode scalars of the line.
        public var range: Range<Int>
    }

    /// `$NAME`, `${NAME}` or `${NAME:-default}`.
    public typealias Expansion = ShellExpansion

    /// The line as given.
    public let text: String
    /// Its Unicode scalars.
    public let scalars: [Unicode.Scalar]
    /// Words and operators, in order, up to a comment.
    public let tokens: [Token]
    /// Variable references, in order (single-quoted `${…}` included, marked).
    public let expansions: [Expansion]
    /// True when the line holds `$(…)`, `$((…))` or backticks.
    public let substitutes: Bool
    /// Where an unquoted `#` starts a comment, if one does.
    public let commentStart: Int?
    /// The delimiter of a here-document the line opens (`<<EOF`), if any.
    public let hereDocument: String?
    /// True when a quote is still open at the end of the line.
    public let unclosedQuote: Bool

    /// Reads `text`.
    public init(_ text: String) {
        self.text = text
        let lexer = ShellLexer(text, rules: .shell)
        scalars = lexer.scalars
        tokens = lexer.tokens.map { token in
            Token(
                raw: String(String.UnicodeScalarView(lexer.scalars[token.range])), value: token.value, isOperator: token.isOperator,
                quoted: token.quoted, range: token.range)
        }
        expansions = lexer.expansions
        substitutes = !lexer.substitutions.isEmpty
        commentStart = lexer.commentStart
        unclosedQuote = lexer.unclosedQuote != nil
        if let index = tokens.firstIndex(where: { $0.isOperator && ($0.value == "<<" || $0.value == "<<-") }), index + 1 < tokens.count {
            hereDocument = tokens[index + 1].value
        } else {
            hereDocument = nil
        }
    }

    /// The words before the first operator, unquoted.
    public var words: [String] {
        Array(tokens.prefix { !$0.isOperator }.map(\.value))
    }

    /// True when the line needs a shell: an operator, a command substitution or a here-document.
    public var needsShell: Bool {
        substitutes || tokens.contains(where: \.isOperator)
    }

    /// The line without its comment, trailing blanks removed.
    public var withoutComment: String {
        guard let start = commentStart else { return text }
        var kept = String(String.UnicodeScalarView(scalars[..<start]))
        while kept.last?.isWhitespace == true { kept.removeLast() }
        return kept
    }

    /// The comment's text after `#`, trimmed, if there is one.
    public var comment: String? {
        guard let start = commentStart else { return nil }
        return String(String.UnicodeScalarView(scalars[(start + 1)...])).trimmingCharacters(in: .whitespaces)
    }

    /// True when `word` is a shell variable assignment, `NAME=value`.
    public static func isAssignment(_ word: String) -> Bool {
        guard let equals = word.firstIndex(of: "="), equals != word.startIndex else { return false }
        return isName(String(word[..<equals]))
    }

    /// True for a valid variable name, `[A-Za-z_][A-Za-z0-9_]*`.
    public static func isName(_ text: String) -> Bool {
        ShellLexer.isName(text)
    }

    /// The line with each scalar range of `replacements` replaced by its text (ranges must not overlap).
    public func replacing(_ replacements: [(range: Range<Int>, text: String)]) -> String {
        var output = String.UnicodeScalarView()
        var index = 0
        let ordered = replacements.sorted { $0.range.lowerBound < $1.range.lowerBound }
        for replacement in ordered where replacement.range.lowerBound >= index {
            output.append(contentsOf: scalars[index..<replacement.range.lowerBound])
            output.append(contentsOf: replacement.text.unicodeScalars)
            index = replacement.range.upperBound
        }
        output.append(contentsOf: scalars[index...])
        return String(output)
    }
}
