/// The scanner behind `ShellLine`: quotes, backslashes, operators, `$…` references, comments.
public struct ShellLineReader {
    private enum Quote { case none, single, double }

    /// The line being read.
    public let scalars: [Unicode.Scalar]
    /// Words and operators read so far.
    private(set) var tokens: [ShellLine.Token] = []
    /// Variable references read so far.
    private(set) var expansions: [ShellLine.Expansion] = []
    /// Whether a command substitution was seen.
    private(set) var substitutes = false
    /// Where a comment starts, if one does.
    private(set) var commentStart: Int?
    /// Whether a quote was left open.
    private(set) var unclosedQuote = false

    private var index = 0
    private var wordStart: Int?
    private var value = String.UnicodeScalarView()
    private var quoted = false
    private var quote = Quote.none

    private static let operatorScalars: Set<Unicode.Scalar> = ["|", "&", ";", "<", ">", "(", ")"]
    private static let operators = ["<<-", "&&", "||", ";;", ">>", "<<", ">&", "<&", "|", "&", ";", "<", ">", "(", ")"]

    /// Creates a reader of these scalars.
    public init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    /// Reads the whole line.
    public mutating func read() {
        while index < scalars.count {
            let scalar = scalars[index]
            switch quote {
            case .single:
                if scalar == "'" {
                    quote = .none
                } else {
                    if scalar == "$", let reference = braced(at: index, singleQuoted: true) { expansions.append(reference) }
                    value.append(scalar)
                }
                index += 1
            case .double:
                readDouble(scalar)
            case .none:
                if readUnquoted(scalar) { return }
            }
        }
        unclosedQuote = quote != .none
        index = min(index, scalars.count)  // an unclosed backtick skips past the end
        endWord()
    }

    /// Reads one scalar outside quotes; true when a comment ends the line.
    private mutating func readUnquoted(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "\r":
            endWord()
            index += 1
        case "#" where wordStart == nil:
            commentStart = index
            return true
        case "'":
            startWord()
            quoted = true
            quote = .single
            index += 1
        case "\"":
            startWord()
            quoted = true
            quote = .double
            index += 1
        case "\\":
            startWord()
            quoted = true
            if index + 1 < scalars.count { value.append(scalars[index + 1]) }
            // A backslash that ends the line (a continuation) is a word of its own, not past the end.
            index = min(index + 2, scalars.count)
        case "$":
            startWord()
            readDollar(singleQuoted: false)
        case "`":
            startWord()
            substitutes = true
            index += 1
            while index < scalars.count, scalars[index] != "`" { index += 1 }
            index += 1
        default:
            if Self.operatorScalars.contains(scalar) {
                endWord()
                readOperator()
            } else {
                startWord()
                value.append(scalar)
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
                value.append(scalars[index + 1])
                index += 2
            } else {
                value.append(scalar)
                index += 1
            }
        case "$":
            readDollar(singleQuoted: false)
        case "`":
            substitutes = true
            index += 1
            while index < scalars.count, scalars[index] != "`" { index += 1 }
            index += 1
        default:
            value.append(scalar)
            index += 1
        }
    }

    /// Reads `$…` at `index`: a reference, a command substitution or a literal dollar.
    private mutating func readDollar(singleQuoted: Bool) {
        let start = index
        let next = index + 1 < scalars.count ? scalars[index + 1] : " "
        if next == "(" {
            substitutes = true
            value.append(contentsOf: "$(".unicodeScalars)
            index += 2
            return
        }
        if next == "{", let reference = braced(at: start, singleQuoted: singleQuoted) {
            expansions.append(reference)
            value.append(contentsOf: scalars[reference.range])
            index = reference.range.upperBound
            return
        }
        if next == "_" || (next.isASCII && next.properties.isAlphabetic) {
            var end = index + 1
            while end < scalars.count, ShellLine.isName("a" + String(scalars[end])) { end += 1 }
            let name = String(String.UnicodeScalarView(scalars[(start + 1)..<end]))
            expansions.append(ShellLine.Expansion(name: name, range: start..<end, fallback: nil, singleQuoted: false))
            value.append(contentsOf: scalars[start..<end])
            index = end
            return
        }
        value.append(scalars[index])
        index += 1
    }

    /// `${NAME}` or `${NAME:-default}` at `start`, when it is one (a valid name, closed).
    private func braced(at start: Int, singleQuoted: Bool) -> ShellLine.Expansion? {
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
        guard ShellLine.isName(name) else { return nil }
        return ShellLine.Expansion(name: name, range: start..<end, fallback: fallback, singleQuoted: singleQuoted)
    }

    private mutating func readOperator() {
        let rest = String(String.UnicodeScalarView(scalars[index..<min(index + 3, scalars.count)]))
        let found = Self.operators.first { rest.hasPrefix($0) } ?? String(scalars[index])
        let length = found.unicodeScalars.count
        tokens.append(ShellLine.Token(raw: found, value: found, isOperator: true, quoted: false, range: index..<(index + length)))
        index += length
    }

    private mutating func startWord() {
        if wordStart == nil { wordStart = index }
    }

    private mutating func endWord() {
        guard let start = wordStart else { return }
        let raw = String(String.UnicodeScalarView(scalars[start..<index]))
        tokens.append(ShellLine.Token(raw: raw, value: String(value), isOperator: false, quoted: quoted, range: start..<index))
        wordStart = nil
        value = String.UnicodeScalarView()
        quoted = false
    }
}
