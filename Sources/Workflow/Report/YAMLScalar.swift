import Text

/// TAP's diagnostic blocks in YAML: control characters made visible first, then written by the
/// project's one YAML scalar writer (`YAMLScalarWriter`).
public enum YAMLScalar {
    /// `text` as a double-quoted YAML scalar on one line (controls made visible, `\` `"` and line
    /// breaks escaped).
    public static func quoted(_ text: String) -> String {
        YAMLScalarWriter.doubleQuoted(ControlCharacters.visible(text))
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
        let risky =
            lines.contains { line in
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                return trimmed.hasPrefix("...") || trimmed.hasPrefix("---")
            } || content.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" }
        if lines.isEmpty || risky { return "\(pad)\(key): \(quoted(content))\n" }
        let written = YAMLScalarWriter.literalBlock(
            key: key, lines: lines.map(String.init), indent: indent, keepsFinalLineFeed: content.hasSuffix("\n"), explicitIndentation: true,
            indentsEmptyLines: true)
        return written.map { $0 + "\n" }.joined()
    }
}
