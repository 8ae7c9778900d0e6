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
                      scalars[end].properties.isAlphabetic || ("0"..."9").contains(scalars[end]) || scalars[end] == "_" {
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
            result = result.replacingOccurrences(of: "(?<\(name)>", with: "(?<\(alias)>").replacingOccurrences(of: "\\k<\(name)>", with: "\\k<\(alias)>")
        }
        return result
    }

    /// Compiles `pattern` with ICU; nil and a reason when it does not compile.
    public static func compile(_ pattern: String) -> Result<NSRegularExpression, RegexCompileError> {
        do {
            return .success(try NSRegularExpression(pattern: icuPattern(pattern), options: []))
        } catch {
            return .failure(RegexCompileError(pattern: pattern, reason: likelyProblem(in: pattern)))
        }
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
