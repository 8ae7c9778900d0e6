/// Writes YAML scalars for TAP's diagnostic blocks: double-quoted strings and literal block scalars.
public enum YAMLScalar {
    /// `text` as a double-quoted YAML scalar on one line (controls made visible, `\` `"` and line
    /// breaks escaped).
    public static func quoted(_ text: String) -> String {
        let visible = ControlCharacters.visible(text)
        var output = "\""
        for scalar in visible.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case "\"": output += "\\\""
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\u{85}", "\u{2028}", "\u{2029}": output += "\\u\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4))"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    /// `key: value` lines for a multi-line text, indented by `indent` spaces: a literal block
    /// scalar (`|2`) whose every line, empty ones included, carries the indentation, so that a TAP
    /// parser collecting the block by its indentation never stops inside it. Text with a line that
    /// a lax TAP parser could take for the end of the block (`...`) or a new one (`---`) is
    /// written as a quoted scalar instead, and so is text holding U+2028 or U+2029, which YAML 1.1
    /// readers take for line breaks.
    public static func block(key: String, _ text: String, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        let content = ControlCharacters.visible(text)
        var lines = content.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        let risky = lines.contains { line in
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            return trimmed.hasPrefix("...") || trimmed.hasPrefix("---")
        } || content.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" }
        if lines.isEmpty || risky { return "\(pad)\(key): \(quoted(content))\n" }
        let chomping = content.hasSuffix("\n") ? "" : "-"
        var output = "\(pad)\(key): |2\(chomping)\n"
        let inner = String(repeating: " ", count: indent + 2)
        for line in lines { output += inner + line + "\n" }
        return output
    }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
