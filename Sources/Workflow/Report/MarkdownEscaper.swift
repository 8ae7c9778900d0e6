/// Escapes untrusted text for Markdown (CommonMark and GitHub's tables), and fences code safely.
public enum MarkdownEscaper {
    /// Characters that Markdown or GitHub's tables give a meaning to, escaped with a backslash.
    static let special: Set<Unicode.Scalar> = ["\\", "|", "*", "_", "`", "<", ">", "[", "]", "&", "~", "#"]

    /// `text` as inline text on one line (a table cell, a heading, a list item): newlines become
    /// spaces, controls are made visible, Markdown's special characters are backslash-escaped.
    public static func inline(_ text: String) -> String {
        let flat = ControlCharacters.singleLine(text)
        var output = String.UnicodeScalarView()
        for scalar in flat.unicodeScalars {
            if special.contains(scalar) { output.append("\\") }
            output.append(scalar)
        }
        return String(output)
    }

    /// A fenced code block holding `text` verbatim (controls made visible), with a fence of
    /// backticks longer than any run of backticks in it, so that no content can close it early.
    public static func codeBlock(_ text: String, info: String = "text") -> String {
        let content = ControlCharacters.visible(text)
        var longest = 0
        var run = 0
        for scalar in content.unicodeScalars {
            if scalar == "`" {
                run += 1
                longest = max(longest, run)
            } else {
                run = 0
            }
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let body = content.hasSuffix("\n") ? content : content + "\n"
        return "\(fence)\(info)\n\(body)\(fence)\n"
    }
}
