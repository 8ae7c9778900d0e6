/// Splits a command string into words by POSIX shell rules: single and double quotes, backslash;
/// empty quoted words kept; no comments, globbing or expansion; unquoted operators refused. The
/// runner's policy over `ShellLexer` (with its `words` rules): a line a shell would need is refused.
public enum ShellWordSplitter {
    /// What follows an operator's name in its problem.
    static let operatorAdvice =
        "is a shell operator, and this command is not run by a shell; use `sh:` for a shell command line (or quote the character)"

    /// The words of `text`, or the first problem (an unquoted operator, a backtick, an unclosed quote).
    public static func split(_ text: String) -> Result<[ShellWord], ShellSplitProblem> {
        let lexer = ShellLexer(text, rules: .words)
        var problems: [ShellSplitProblem] = lexer.tokens.filter(\.isOperator).map { token in
            let scalars = lexer.scalars
            let first = scalars[token.range.lowerBound]
            // `||`, `&&`, `>>`, `<<` are named whole; any other operator by its first character.
            let doubled = token.range.count > 1 && scalars[token.range.lowerBound + 1] == first && "|&><".unicodeScalars.contains(first)
            let symbol = String(first) + (doubled ? String(first) : "")
            return ShellSplitProblem(message: "'\(symbol)' \(operatorAdvice)", offset: token.range.lowerBound)
        }
        problems += lexer.substitutions.map { substitution in
            let message =
                substitution.inDoubleQuotes
                ? "backtick command substitution is shell syntax; use `sh:` for a shell command" : "'`' \(operatorAdvice)"
            return ShellSplitProblem(message: message, offset: substitution.offset)
        }
        if let first = problems.min(by: { $0.offset < $1.offset }) { return .failure(first) }
        if let open = lexer.unclosedQuote {
            return .failure(ShellSplitProblem(message: "\(open.isSingle ? "single" : "double") quote is not closed", offset: open.offset))
        }
        return .success(
            lexer.tokens.map { token in
                // A backslash-newline joins lines: its line break is no character of the word.
                let parts = token.parts.filter { !$0.isLineContinuation }
                var scalars = String.UnicodeScalarView()
                scalars.append(contentsOf: parts.map(\.scalar))
                return ShellWord(text: String(scalars), offsets: parts.map(\.offset), quoted: parts.map(\.quoted), range: token.range)
            })
    }
}
