/// The one shell lexer: reads a command line the way a POSIX shell does (quotes, backslashes,
/// operators, comments, `$…` references, command substitutions) into tokens whose characters
/// keep their offsets. What a line means is up to its reader: `ShellWordSplitter` (the runner's
/// words of a `docker:` string) and `ShellLine` (a tutorial's command line) are policies over it.
public struct ShellLexer: Sendable {
    /// What the reader of the line takes for shell syntax.
    public struct Rules: Sendable, Hashable {
        /// Whether an unquoted `#` at the start of a word starts a comment.
        public var comments: Bool
        /// Whether `$NAME`, `${…}` and `$(` are read as references and substitutions.
        public var expansions: Bool
        /// The characters that start an operator outside quotes.
        public var operatorScalars: Set<Unicode.Scalar>

        /// A shell's own reading of a line.
        public static let shell = Rules(comments: true, expansions: true, operatorScalars: ["|", "&", ";", "<", ">", "(", ")"])
        /// The runner's reading of a command string: no comments, no expansion, parentheses are text.
        public static let words = Rules(comments: false, expansions: false, operatorScalars: ["|", "&", ";", "<", ">"])
    }

    private enum Quote { case none, single, double }

    private static let operators = ["<<-", "&&", "||", ";;", ">>", "<<", ">&", "<&", "|", "&", ";", "<", ">", "(", ")"]

    /// The line's Unicode scalars.
    public let scalars: [Unicode.Scalar]
    /// Words and operators, in order, up to a comment.
    public private(set) var tokens: [ShellToken] = []
    /// Variable references, in order (single-quoted `${…}` included, marked).
    public private(set) var expansions: [ShellExpansion] = []
    /// Command substitutions (backticks, `$(`), in order.
    public private(set) var substitutions: [ShellSubstitution] = []
    /// Where an unquoted `#` starts a comment, if one does.
    public private(set) var commentStart: Int?
    /// The quote left open at the end of the line and where it opened, if one is.
    public private(set) var unclosedQuote: (isSingle: Bool, offset: Int)?

    private let rules: Rules
    private var index = 0
    private var wordStart: Int?
    private var parts: [ShellToken.Part] = []
    private var quoted = false
    private var quote = Quote.none
    private var quoteStart = 0

    /// Reads `text` by `rules`.
    public init(_ text: String, rules: Rules) {
        scalars = Array(text.unicodeScalars)
        self.rules = rules
        read()
    }

    private mutating func read() {
        while index < scalars.count {
            let scalar = scalars[index]
            switch quote {
            case .single:
                if scalar == "'" {
                    quote = .none
                } else {
                    if rules.expansions, scalar == "$", let reference = braced(at: index, singleQuoted: true) {
                        expansions.append(reference)
                    }
                    append(scalar, at: index, quoted: true)
                }
                index += 1
            case .double:
                readDouble(scalar)
            case .none:
                if readUnquoted(scalar) { return }
            }
        }
        if quote != .none { unclosedQuote = (quote == .single, quoteStart) }
        index = min(index, scalars.count)  // an unclosed backtick skips past the end
        endWord()
    }

    /// Reads one scalar outside quotes; true when a comment ends the line.
    private mutating func readUnquoted(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "\r":
            endWord()
            index += 1
        case "#" where rules.comments && wordStart == nil:
            commentStart = index
            return true
        case "'", "\"":
            startWord()
            quoted = true
            quote = scalar == "'" ? .single : .double
            quoteStart = index
            index += 1
        case "\\":
            startWord()
            quoted = true
            if index + 1 < scalars.count {
                append(scalars[index + 1], at: index + 1, quoted: true, continuation: scalars[index + 1] == "\n")
            }
            // A backslash that ends the line (a continuation) is a word of its own, not past the end.
            index = min(index + 2, scalars.count)
        case "$" where rules.expansions:
            startWord()
            readDollar()
        case "`":
            startWord()
            skipBackticks(inDoubleQuotes: false)
        default:
            if rules.operatorScalars.contains(scalar) {
                endWord()
                readOperator()
            } else {
                startWord()
                append(scalar, at: index, quoted: false)
                index += 1
            }
        }
        return false
    }

    private mutating func readDouble(_ scalar: Unicode.Scalar) {
        switch scalar {
        case "\"":
            quote = .none
            index += 1
        case "\\":
            if index + 1 < scalars.count, "$`\"\\\n".unicodeScalars.contains(scalars[index + 1]) {
                append(scalars[index + 1], at: index + 1, quoted: true, continuation: scalars[index + 1] == "\n")
                index += 2
            } else {
                append(scalar, at: index, quoted: true)
                index += 1
            }
        case "$" where rules.expansions:
            readDollar()
        case "`":
            skipBackticks(inDoubleQuotes: true)
        default:
            append(scalar, at: index, quoted: true)
            index += 1
        }
    }

    /// A backtick substitution: recorded, and skipped to its closing backtick (not read).
    private mutating func skipBackticks(inDoubleQuotes: Bool) {
        substitutions.append(ShellSubstitution(offset: index, isBacktick: true, inDoubleQuotes: inDoubleQuotes))
        index += 1
        while index < scalars.count, scalars[index] != "`" { index += 1 }
        index += 1
    }

    /// Reads `$…` at `index`: a reference, a command substitution or a literal dollar.
    private mutating func readDollar() {
        let start = index
        let inQuotes = quote == .double
        let next = index + 1 < scalars.count ? scalars[index + 1] : " "
        if next == "(" {
            substitutions.append(ShellSubstitution(offset: index, isBacktick: false, inDoubleQuotes: inQuotes))
            append(scalars[index], at: index, quoted: inQuotes)
            append(next, at: index + 1, quoted: inQuotes)
            index += 2
            return
        }
        if next == "{", let reference = braced(at: start, singleQuoted: false) {
            expansions.append(reference)
            for offset in reference.range { append(scalars[offset], at: offset, quoted: inQuotes) }
            index = reference.range.upperBound
            return
        }
        if next == "_" || (next.isASCII && next.properties.isAlphabetic) {
            var end = index + 1
            while end < scalars.count, Self.isNameScalar(scalars[end]) { end += 1 }
            let name = String(String.UnicodeScalarView(scalars[(start + 1)..<end]))
            expansions.append(ShellExpansion(name: name, range: start..<end, fallback: nil, singleQuoted: false))
            for offset in start..<end { append(scalars[offset], at: offset, quoted: inQuotes) }
            index = end
            return
        }
        append(scalars[index], at: index, quoted: inQuotes)
        index += 1
    }

    /// `${NAME}` or `${NAME:-default}` at `start`, when it is one (a valid name, closed).
    private func braced(at start: Int, singleQuoted: Bool) -> ShellExpansion? {
        guard start + 1 < scalars.count, scalars[start + 1] == "{" else { return nil }
        var depth = 1
        var end = start + 2
        while end < scalars.count, depth > 0 {
            if scalars[end] == "{" { depth += 1 }
            if scalars[end] == "}" { depth -= 1 }
            end += 1
        }
        guard depth == 0 else { return nil }
        let inner = String(String.UnicodeScalarView(scalars[(start + 2)..<(end - 1)]))
        var name = inner
        var fallback: String?
        if let colon = inner.range(of: ":-") ?? inner.range(of: "-") {
            name = String(inner[..<colon.lowerBound])
            fallback = String(inner[colon.upperBound...])
        }
        guard Self.isName(name) else { return nil }
        return ShellExpansion(name: name, range: start..<end, fallback: fallback, singleQuoted: singleQuoted)
    }

    private mutating func readOperator() {
        let rest = String(String.UnicodeScalarView(scalars[index..<min(index + 3, scalars.count)]))
        let found = Self.operators.first { rest.hasPrefix($0) } ?? String(scalars[index])
        let length = found.unicodeScalars.count
        let parts = found.unicodeScalars.enumerated().map {
            ShellToken.Part(scalar: $1, offset: index + $0, quoted: false, isLineContinuation: false)
        }
        tokens.append(ShellToken(isOperator: true, range: index..<(index + length), parts: parts, quoted: false))
        index += length
    }

    /// Adds a word's character; `continuation` marks the line break of a backslash-newline.
    private mutating func append(_ scalar: Unicode.Scalar, at offset: Int, quoted: Bool, continuation: Bool = false) {
        parts.append(ShellToken.Part(scalar: scalar, offset: offset, quoted: quoted, isLineContinuation: continuation))
    }

    private mutating func startWord() {
        if wordStart == nil { wordStart = index }
    }

    private mutating func endWord() {
        guard let start = wordStart else { return }
        tokens.append(ShellToken(isOperator: false, range: start..<index, parts: parts, quoted: quoted))
        wordStart = nil
        parts = []
        quoted = false
    }

    /// True for a valid variable name, `[A-Za-z_][A-Za-z0-9_]*`.
    public static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return text.unicodeScalars.allSatisfy(isNameScalar)
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
    }
}
