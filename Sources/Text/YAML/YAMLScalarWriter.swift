/// Writes YAML scalars so that a YAML reader gives back exactly the text: plain where that is
/// safe, else single-quoted, else double-quoted; literal blocks for text over several lines. The
/// one YAML writer of drafted runbooks (`runbook import`) and of TAP's diagnostic blocks.
public enum YAMLScalarWriter {
    /// `text` as a scalar on one line: plain when safe, else single-quoted (regexes read best so),
    /// else double-quoted (line breaks and control characters).
    public static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : singleQuoted(text)
    }

    /// `text` single-quoted (`'` doubled); double-quoted when it holds a line break or a control character.
    public static func singleQuoted(_ text: String) -> String {
        if text.unicodeScalars.contains(where: needsEscape) { return doubleQuoted(text) }
        return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// `text` double-quoted on one line, with escapes for `\`, `"`, line breaks, tabs and the
    /// characters a YAML reader would not take back as they are.
    public static func doubleQuoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case "\"": output += "\\\""
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            default:
                if needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    output += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    /// `key: value` for any text at `indent` spaces: a literal block (`|`) when it has several
    /// lines and can be one, else a scalar.
    public static func entry(_ key: String, _ text: String, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var body = text
        while body.hasSuffix("\n") { body.removeLast() }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let blockable =
            lines.count > 1 && !body.unicodeScalars.contains { needsEscape($0) && $0 != "\n" && $0 != "\t" }
            && !lines.contains { $0.hasPrefix("\t") || $0.hasSuffix(" ") || $0.hasSuffix("\t") }
        guard blockable else { return ["\(pad)\(key): \(scalar(lines.count == 1 ? body : text))"] }
        return literalBlock(
            key: key, lines: lines, indent: indent, keepsFinalLineFeed: text.hasSuffix("\n"),
            explicitIndentation: lines.first?.hasPrefix(" ") == true, indentsEmptyLines: false)
    }

    /// `key: |` and `lines` indented two spaces more than `indent`: `keepsFinalLineFeed` false
    /// adds `-` (strip); `explicitIndentation` adds `2` (needed when the first line starts with a
    /// space); `indentsEmptyLines` indents empty lines too (for readers that collect a block by
    /// its indentation).
    public static func literalBlock(
        key: String, lines: [String], indent: Int, keepsFinalLineFeed: Bool, explicitIndentation: Bool, indentsEmptyLines: Bool
    ) -> [String] {
        let pad = String(repeating: " ", count: indent)
        let header = "\(pad)\(key): |\(explicitIndentation ? "2" : "")\(keepsFinalLineFeed ? "" : "-")"
        return [header] + lines.map { $0.isEmpty && !indentsEmptyLines ? "" : "\(pad)  \($0)" }
    }

    /// Characters a YAML reader does not take back as written in a plain or single-quoted scalar.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
            || scalar == "\u{FEFF}"
    }

    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last, !first.isWhitespace, !last.isWhitespace, last != ":" else { return false }
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) { return false }
        if text.contains(": ") || text.contains(" #") { return false }
        if text.unicodeScalars.contains(where: { needsEscape($0) || $0 == "\t" }) { return false }
        let lower = text.lowercased()
        if ["~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"].contains(lower) { return false }
        if Double(text) != nil || text.hasPrefix("0x") || text.hasPrefix("0o") || text == ".inf" || text == ".nan" { return false }
        return true
    }
}
