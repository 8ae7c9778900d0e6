import Foundation
import Text

/// A typed command line with its variables as runbook vars: `$VAR` and `${VAR}` as `${VAR}`,
/// `$HOME` as `${env.HOME}`, placeholders (`<container-id>`, `IMAGENAME`) as vars of their own;
/// then split into words by the runner's rules for a command string. Nil when the line needs a shell.
public struct TemplatedCommandLine: Sendable {
    /// The rewritten line, program first.
    public var text: String
    /// Its words by the runner's rules, program first.
    public var words: [String]
    /// The line after the program, as the kind's value.
    public var arguments: String
    /// Remarks about what became a var.
    public var remarks: [String]
    /// The vars it uses.
    public var variables: [DraftVariable]

    /// Rewrites `original`; `environmentNames` stay `${env.…}`, an upper-case word after one of
    /// `flagsNamingVariables` or `flagsWithLiteralValues` stays as it is. Nil when the line needs a shell: an operator, a
    /// substitution, an open quote, `$PWD`, or no argument after the program.
    public init?(
        _ original: String, environmentNames: Set<String>, flagsNamingVariables: Set<String>, flagsWithLiteralValues: Set<String> = []
    ) {
        var remarks: [String] = []
        var variables: [DraftVariable] = []
        var text = original
        let placeholder = try? NSRegularExpression(pattern: #"(?<![<\w$])<([A-Za-z][A-Za-z0-9_-]*)>(?![>\w])"#)
        for match in placeholder?.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() ?? [] {
            guard let whole = Range(match.range, in: text), let inner = Range(match.range(at: 1), in: text) else { continue }
            let name = DraftVariable.varName(String(text[inner]).replacingOccurrences(of: "-", with: "_"))
            variables.append(.placeholder(name, written: String(text[whole])))
            let alone =
                (whole.lowerBound == text.startIndex || text[text.index(before: whole.lowerBound)] == " ")
                && (whole.upperBound == text.endIndex || text[whole.upperBound] == " ")
            text.replaceSubrange(whole, with: alone ? "\"${\(name)}\"" : "${\(name)}")
        }
        let shell = ShellLine(text)
        let usesFolder = shell.expansions.contains { $0.name == "PWD" || $0.name == "OLDPWD" }
        if shell.needsShell || shell.unclosedQuote || usesFolder { return nil }
        var replacements: [(range: Range<Int>, text: String)] = []
        for expansion in shell.expansions {
            let written = String(String.UnicodeScalarView(shell.scalars[expansion.range]))
            if expansion.singleQuoted {
                replacements.append((expansion.range, "$" + written))
            } else if environmentNames.contains(expansion.name) {
                replacements.append((expansion.range, "${env.\(expansion.name)\(expansion.fallback.map { ":-" + $0 } ?? "")}"))
            } else {
                let name = DraftVariable.varName(expansion.name)
                if !written.hasPrefix("${") || expansion.fallback != nil || name != expansion.name {
                    remarks.append("`\(written)` is the var `${\(name)}` (declared under vars:)")
                }
                let alone = shell.tokens.contains { !$0.quoted && $0.range == expansion.range }
                replacements.append((expansion.range, alone ? "\"${\(name)}\"" : "${\(name)}"))
                variables.append(.reference(name, fallback: expansion.fallback))
            }
        }
        for (position, token) in shell.tokens.enumerated() where !token.quoted && Self.isUppercasePlaceholder(token.value) {
            let previous = position > 0 ? shell.tokens[position - 1].value : ""
            guard !flagsNamingVariables.contains(previous), !flagsWithLiteralValues.contains(previous),
                !environmentNames.contains(token.value)
            else { continue }
            guard !replacements.contains(where: { $0.range.overlaps(token.range) }) else { continue }
            replacements.append((token.range, "\"${\(token.value)}\""))
            variables.append(.placeholder(token.value, written: token.value))
        }
        // `YOUR_USERNAME/myfirstapp`: a placeholder as the first part of a name.
        for token in shell.tokens where !token.quoted && token.raw == token.value && token.value.contains("/") {
            let head = String(token.value.prefix { $0 != "/" })
            guard Self.isUppercasePlaceholder(head), !environmentNames.contains(head),
                !replacements.contains(where: { $0.range.overlaps(token.range) })
            else { continue }
            replacements.append((token.range.lowerBound..<(token.range.lowerBound + head.unicodeScalars.count), "${\(head)}"))
            variables.append(.placeholder(head, written: head))
        }
        text = shell.replacing(replacements)
        // The runner's own reading of the rewritten line (the shell's reading above found its vars).
        guard case .success(let split) = ShellWordSplitter.split(text), split.count > 1 else { return nil }
        for case .placeholder(let name, let written) in variables {
            remarks.append("`\(written)` is a placeholder of the text: the var `${\(name)}` (give it a value)")
        }
        self.text = text
        words = split.map(\.text)
        arguments = String(String.UnicodeScalarView(Array(text.unicodeScalars)[split[1].range.lowerBound...]))
        self.remarks = remarks
        self.variables = variables
    }

    /// An upper-case word of three characters or more that stands for a value (`IMAGENAME`).
    private static func isUppercasePlaceholder(_ word: String) -> Bool {
        word.count >= 3 && word.first?.isUppercase == true && word.allSatisfy { ($0.isUppercase && $0.isASCII) || $0.isNumber || $0 == "_" }
    }
}
