/// What literal text every match of an ICU regex must contain, found by a conservative parse.
///
/// The analysis only ever answers with literals that are necessary for a match; whenever the
/// pattern uses something it does not understand (`\Q…\E`, `\x41`, back-references, `(?x)`,
/// unbalanced brackets…) it gives up and `isUsable` is false, so that the regex sees every line.
/// Rules:
/// - a top-level alternation needs one literal per branch (a line must contain one of them);
/// - a run of literal characters counts; a character quantified with a minimum of zero (`?`,
///   `*`, `{0,…}`) ends the run before it, one with a minimum of one or more ends it after it;
/// - groups, classes, `.`, escapes like `\d` and zero-width assertions end a run;
/// - `^` (without `(?m)`) or `\A` at the start of a branch makes the first run an anchored prefix;
/// - an inline `i` flag anywhere makes every literal case-insensitive and keeps only ASCII
///   characters in runs (ICU folds `ß` to `ss`, `K` to the Kelvin sign… so only ASCII lines can
///   be filtered then, see `LinePrefilter`); U+FFFD never appears in a literal (invalid bytes
///   become U+FFFD before ICU sees a line).
struct RegexLiteralAnalysis: Sendable, Equatable {
    /// One alternative of the top level.
    struct Branch: Sendable, Equatable {
        /// Bytes every matching line starts with (empty when the branch is not anchored).
        var anchoredPrefix: [UInt8] = []
        /// The longest literal every match of the branch contains (may be empty).
        var longestLiteral: [UInt8] = []
    }

    /// False when the pattern could not be analysed; then nothing may be filtered.
    var isUsable: Bool
    /// True when literals must be compared ignoring ASCII case (`(?i)` somewhere).
    var caseInsensitive: Bool
    /// The top-level alternatives (one when there is no `|` at the top level).
    var branches: [Branch]

    /// Analyses an ICU pattern.
    init(pattern: String) {
        self.isUsable = false
        self.caseInsensitive = false
        self.branches = []
        var parser = Parser(scalars: Array(pattern.unicodeScalars))
        guard let flags = parser.inlineFlags(), !flags.contains("x") else { return }
        parser.caseInsensitive = flags.contains("i")
        parser.multiline = flags.contains("m")
        guard let branches = parser.parseBranches() else { return }
        self.isUsable = true
        self.caseInsensitive = parser.caseInsensitive
        self.branches = branches
    }
}

extension RegexLiteralAnalysis {
    /// A single-pass scanner over the pattern's scalars.
    fileprivate struct Parser {
        let scalars: [Unicode.Scalar]
        var caseInsensitive = false
        var multiline = false

        init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

        /// The letters of every inline flag group (`(?i)`, `(?im-s:`); nil when `\Q` quoting or a `(?#` comment is used.
        func inlineFlags() -> Set<Unicode.Scalar>? {
            var flags = Set<Unicode.Scalar>()
            var index = 0
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "\\" {
                    if index + 1 < scalars.count, scalars[index + 1] == "Q" { return nil }
                    index += 2
                    continue
                }
                if scalar == "(", index + 1 < scalars.count, scalars[index + 1] == "?" {
                    if index + 2 < scalars.count, scalars[index + 2] == "#" { return nil }  // comments end oddly
                    var end = index + 2
                    var letters = Set<Unicode.Scalar>()
                    while end < scalars.count,
                        ("a"..."z").contains(scalars[end]) || ("A"..."Z").contains(scalars[end]) || scalars[end] == "-"
                    {
                        letters.insert(scalars[end])
                        end += 1
                    }
                    if end < scalars.count, scalars[end] == ")" || scalars[end] == ":", end > index + 2 { flags.formUnion(letters) }
                }
                index += 1
            }
            return flags
        }

        /// One atom of a branch.
        enum Atom {
            case literal(Unicode.Scalar)
            case anchor
            case other
        }

        /// An atom with its quantifier: the least number of repetitions, and whether it is exactly one.
        typealias Item = (atom: Atom, minimum: Int, once: Bool)

        /// Parses the whole pattern into top-level branches; nil when it is not understood.
        mutating func parseBranches() -> [Branch]? {
            var branches: [Branch] = []
            var items: [Item] = []
            var index = 0
            while index < scalars.count {
                let scalar = scalars[index]
                var atom: Atom
                switch scalar {
                case "|":
                    branches.append(branch(of: items))
                    items = []
                    index += 1
                    continue
                case "^":
                    atom = multiline ? .other : .anchor
                    index += 1
                case "$", ".":
                    atom = .other
                    index += 1
                case "[":
                    guard let end = endOfClass(from: index) else { return nil }
                    atom = .other
                    index = end
                case "(":
                    guard let end = endOfGroup(from: index) else { return nil }
                    atom = .other
                    index = end
                case "\\":
                    guard index + 1 < scalars.count else { return nil }
                    let escaped = scalars[index + 1]
                    index += 2
                    if escaped.isASCII, escaped.properties.isAlphabetic || ("0"..."9").contains(escaped) {
                        switch escaped {
                        case "A": atom = .anchor
                        case "G", "z", "Z", "b", "B", "d", "D", "w", "W", "s", "S", "h", "H", "v", "V", "R", "X", "n", "t", "r", "f", "a",
                            "e":
                            atom = .other
                        case "p", "P":
                            atom = .other
                            if index < scalars.count, scalars[index] == "{" {
                                guard let close = scalars[index...].firstIndex(of: "}") else { return nil }
                                index = close + 1
                            } else {
                                index += 1
                            }
                        default:
                            return nil  // \x \u \N \k \c \0-9 \Q \E…: not worth understanding
                        }
                    } else {
                        atom = .literal(escaped)
                    }
                case "*", "+", "?", "{", "}", "]", ")":
                    return nil  // a quantifier with nothing before it, or a stray bracket
                default:
                    atom = .literal(scalar)
                    index += 1
                }
                guard let (minimum, once, end) = quantifier(at: index) else { return nil }
                index = end
                if case .anchor = atom, !once { atom = .other }
                items.append((atom, minimum, once))
            }
            branches.append(branch(of: items))
            return branches
        }

        /// The quantifier starting at `index`: least repetitions, exactly once, where it ends; (1, true, index) when there is none.
        func quantifier(at index: Int) -> (Int, Bool, Int)? {
            guard index < scalars.count else { return (1, true, index) }
            var minimum: Int
            var maximum: Int?
            var end = index + 1
            switch scalars[index] {
            case "?": (minimum, maximum) = (0, 1)
            case "*": minimum = 0
            case "+": minimum = 1
            case "{":
                guard let (low, afterLow) = number(at: end) else { return nil }
                minimum = low
                maximum = low
                end = afterLow
                if end < scalars.count, scalars[end] == "," {
                    end += 1
                    if let (high, afterHigh) = number(at: end) {
                        maximum = high
                        end = afterHigh
                    } else {
                        maximum = nil
                    }
                }
                guard end < scalars.count, scalars[end] == "}" else { return nil }
                end += 1
            default:
                return (1, true, index)
            }
            if end < scalars.count, scalars[end] == "?" || scalars[end] == "+" { end += 1 }
            // A second quantifier in a row is an ICU error; refuse rather than guess.
            if end < scalars.count, ["?", "*", "+", "{"].contains(scalars[end]) { return nil }
            return (minimum, minimum == 1 && maximum == 1, end)
        }

        /// The decimal number at `index` and where it ends.
        func number(at index: Int) -> (Int, Int)? {
            var end = index
            var value = 0
            while end < scalars.count, ("0"..."9").contains(scalars[end]) {
                value = min(value * 10 + Int(scalars[end].value - 48), 1_000_000)
                end += 1
            }
            return end > index ? (value, end) : nil
        }

        /// Index just past the `]` closing the class opened at `start`; nil when unclosed.
        func endOfClass(from start: Int) -> Int? {
            var index = start + 1
            var depth = 1
            var atClassStart = true
            while index < scalars.count {
                let scalar = scalars[index]
                if atClassStart {
                    atClassStart = false
                    if scalar == "^" { index += 1 }
                    if index < scalars.count, scalars[index] == "]" {  // a `]` first in a class is literal in ICU
                        index += 1
                    }
                    continue
                }
                switch scalar {
                case "\\": index += 2
                case "[":
                    depth += 1
                    index += 1
                    atClassStart = true
                case "]":
                    depth -= 1
                    index += 1
                    if depth == 0 { return index }
                default: index += 1
                }
            }
            return nil
        }

        /// Index just past the `)` closing the group opened at `start`; nil when unbalanced.
        func endOfGroup(from start: Int) -> Int? {
            var index = start + 1
            var depth = 1
            while index < scalars.count {
                switch scalars[index] {
                case "\\": index += 2
                case "[":
                    guard let end = endOfClass(from: index) else { return nil }
                    index = end
                case "(":
                    depth += 1
                    index += 1
                case ")":
                    depth -= 1
                    index += 1
                    if depth == 0 { return index }
                default: index += 1
                }
            }
            return nil
        }

        /// The anchored prefix and longest literal of one branch.
        func branch(of items: [Item]) -> Branch {
            var runs: [[Unicode.Scalar]] = []
            var current: [Unicode.Scalar] = []
            var prefixIsFirstRun = false
            var anchored = false
            if let first = items.first, case .anchor = first.atom { anchored = true }
            for (position, item) in items.enumerated() {
                guard case .literal(let scalar) = item.atom, item.minimum > 0, scalar != "\u{FFFD}", !caseInsensitive || scalar.isASCII
                else {
                    if !current.isEmpty { runs.append(current) }
                    current = []
                    continue
                }
                if anchored && position == 1 { prefixIsFirstRun = true }
                current.append(scalar)
                if !item.once {  // "ab+c" needs "ab"; what follows the repeated "b" is not adjacent
                    runs.append(current)
                    current = []
                }
            }
            if !current.isEmpty { runs.append(current) }
            let literals = runs.map { run -> [UInt8] in
                var text = String.UnicodeScalarView()
                text.append(contentsOf: run)
                return Array(String(text).utf8)
            }
            var result = Branch()
            if prefixIsFirstRun { result.anchoredPrefix = literals[0] }
            result.longestLiteral = literals.max { $0.count < $1.count } ?? []
            return result
        }
    }
}
