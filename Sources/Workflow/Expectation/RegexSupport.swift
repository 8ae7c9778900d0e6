import Foundation

/// Regex helpers shared by validation and matching: named groups, metacharacter escaping, compilation.
public enum RegexSupport {
    /// Names of `(?<name>…)` groups (`[A-Za-z_][A-Za-z0-9_]*`, like every other name), in order.
    public static func namedGroups(in pattern: String) -> [String] {
        var names: [String] = []
        let scalars = Array(pattern.unicodeScalars)
        var index = 0
        while index + 3 < scalars.count {
            if scalars[index] == "\\" {
                index += 2
                continue
            }
            if scalars[index] == "(", scalars[index + 1] == "?", scalars[index + 2] == "<" {
                var end = index + 3
                var name = String.UnicodeScalarView()
                while end < scalars.count, scalars[end].isASCII,
                    scalars[end].properties.isAlphabetic || ("0"..."9").contains(scalars[end]) || scalars[end] == "_"
                {
                    name.append(scalars[end])
                    end += 1
                }
                if end < scalars.count, scalars[end] == ">", let first = name.first, first.properties.isAlphabetic || first == "_" {
                    names.append(String(name))
                }
                index = end
                continue
            }
            index += 1
        }
        return names
    }

    /// `value` with every regex metacharacter escaped, so that it matches literally.
    public static func escape(_ value: String) -> String {
        NSRegularExpression.escapedPattern(for: value)
    }

    /// The name ICU knows a group by: ICU allows letters and digits only, so a name with `_` gets
    /// an alias of letters and digits (`R` and the name's bytes in hex), which no one writes by hand.
    public static func icuGroupName(_ name: String) -> String {
        guard name.contains("_") || name.first?.isLetter == false else { return name }
        return "R" + name.utf8.map { String($0, radix: 16) }.joined()
    }

    /// `pattern` with every group name that ICU would refuse (`(?<random_number>…)`, `\k<random_number>`) replaced by its alias.
    static func icuPattern(_ pattern: String) -> String {
        guard pattern.contains("_") else { return pattern }
        var result = pattern
        for name in Set(namedGroups(in: pattern)) where icuGroupName(name) != name {
            let alias = icuGroupName(name)
            result = result.replacingOccurrences(of: "(?<\(name)>", with: "(?<\(alias)>").replacingOccurrences(
                of: "\\k<\(name)>", with: "\\k<\(alias)>")
        }
        return result
    }

    /// Compiles `pattern` with ICU; nil and a reason when it does not compile.
    ///
    /// A quantifier on something that matches no text (`^+?`, `\b*`, `(?=a)+?`) is refused too:
    /// it repeats nothing, and with a lazy quantifier ICU loops forever on the 16th line that
    /// does not match (seen with Swift 6.3.1's Foundation), which would stall the runner.
    public static func compile(_ pattern: String) -> Result<NSRegularExpression, RegexCompileError> {
        if quantifiesZeroWidth(pattern) {
            return .failure(
                RegexCompileError(
                    pattern: pattern, reason: "a quantifier after ^, $, \\b, \\A, \\z or a lookaround repeats nothing; remove it"))
        }
        do {
            return .success(try NSRegularExpression(pattern: icuPattern(pattern), options: []))
        } catch {
            return .failure(RegexCompileError(pattern: pattern, reason: likelyProblem(in: pattern)))
        }
    }

    /// True when a quantifier follows an assertion (`^ $ \b \B \A \z \Z \G`), a lookaround, or a
    /// group that holds nothing else; classes and `\Q…\E` are skipped.
    static func quantifiesZeroWidth(_ pattern: String) -> Bool {
        let scalars = Array(pattern.unicodeScalars)
        // Per open group: whether it is a lookaround, and whether it held nothing but zero-width items so far.
        var groups: [(lookaround: Bool, zeroWidth: Bool)] = []
        var index = 0
        func quantifierFollows(_ position: Int) -> Bool {
            guard position < scalars.count else { return false }
            return "*+?{".unicodeScalars.contains(scalars[position])
        }
        func sawText() { if !groups.isEmpty { groups[groups.count - 1].zeroWidth = false } }
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\\":
                guard index + 1 < scalars.count else { return false }
                let escaped = scalars[index + 1]
                if escaped == "Q" {
                    index =
                        (index + 2..<scalars.count).first { scalars[$0] == "\\" && $0 + 1 < scalars.count && scalars[$0 + 1] == "E" }
                        .map { $0 + 2 } ?? scalars.count
                    sawText()
                    continue
                }
                index += 2
                if "bBAzZG".unicodeScalars.contains(escaped) {
                    if quantifierFollows(index) { return true }
                } else {
                    sawText()
                }
            case "^", "$":
                index += 1
                if quantifierFollows(index) { return true }
            case "[":
                index = endOfClass(scalars, from: index)
                sawText()
            case "(":
                let rest = String(String.UnicodeScalarView(scalars[index..<min(index + 4, scalars.count)]))
                if rest.hasPrefix("(?#") {
                    index = (index..<scalars.count).first { scalars[$0] == ")" }.map { $0 + 1 } ?? scalars.count
                    continue
                }
                let lookaround = rest.hasPrefix("(?=") || rest.hasPrefix("(?!") || rest.hasPrefix("(?<=") || rest.hasPrefix("(?<!")
                groups.append((lookaround, true))
                index = endOfGroupPrefix(scalars, from: index)
            case ")":
                index += 1
                guard let group = groups.popLast() else { continue }
                let zeroWidth = group.lookaround || group.zeroWidth
                if zeroWidth && quantifierFollows(index) { return true }
                if !zeroWidth { sawText() }
            case "|":
                index += 1
            default:
                index += 1
                sawText()
            }
        }
        return false
    }

    /// Index just past a group's opening: `(`, `(?:`, `(?=`, `(?<=`, `(?<name>`, `(?i-m:`…
    private static func endOfGroupPrefix(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start + 1
        guard index < scalars.count, scalars[index] == "?" else { return index }
        index += 1
        guard index < scalars.count else { return index }
        switch scalars[index] {
        case ":", "=", "!", ">": return index + 1
        case "<":
            index += 1
            if index < scalars.count, scalars[index] == "=" || scalars[index] == "!" { return index + 1 }
            while index < scalars.count, scalars[index] != ">" { index += 1 }
            return min(index + 1, scalars.count)
        default:
            // Flags: letters and '-', then ':' (a group) or ')' (which the caller then sees).
            while index < scalars.count, scalars[index].properties.isAlphabetic || scalars[index] == "-" { index += 1 }
            if index < scalars.count, scalars[index] == ":" { index += 1 }
            return index
        }
    }

    /// Index just past the `]` closing the class opened at `start` (the end when unclosed).
    private static func endOfClass(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start + 1
        var depth = 1
        if index < scalars.count, scalars[index] == "^" { index += 1 }
        if index < scalars.count, scalars[index] == "]" { index += 1 }
        while index < scalars.count {
            switch scalars[index] {
            case "\\": index += 2
            case "[": depth += 1; index += 1
            case "]":
                depth -= 1
                index += 1
                if depth == 0 { return index }
            default: index += 1
            }
        }
        return scalars.count
    }

    /// A best guess at why ICU refused `pattern` (ICU itself only says "invalid").
    static func likelyProblem(in pattern: String) -> String {
        var parentheses = 0
        var inClass = false
        var escaped = false
        for scalar in pattern.unicodeScalars {
            if escaped { escaped = false; continue }
            switch scalar {
            case "\\": escaped = true
            case "[" where !inClass: inClass = true
            case "]" where inClass: inClass = false
            case "(" where !inClass: parentheses += 1
            case ")" where !inClass:
                parentheses -= 1
                if parentheses < 0 { return "a ')' has no matching '('" }
            default: break
            }
        }
        if escaped { return "it ends with a lone backslash" }
        if inClass { return "a '[' is not closed" }
        if parentheses > 0 { return "a '(' is not closed" }
        if pattern.contains("(?<") { return "check the group names: letters, digits and '_', e.g. (?<accuracy>…)" }
        return "check quantifiers (*, +, ?, {n}) and escapes"
    }

    /// The pattern of a regex template with each `${…}` replaced by a neutral placeholder, for validation.
    public static func placeholderPattern(_ template: Template) -> String {
        template.render { _ in "placeholder" }
    }
}
