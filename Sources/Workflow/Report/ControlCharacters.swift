/// Makes untrusted text safe to embed in a report: control characters become visible, never raw.
///
/// C0 controls (tab and, where asked, line feed excepted), DEL and C1 controls are shown as `^X`
/// or `\u{…}` the way the terminal shows them; U+FFFE and U+FFFF, which XML 1.0 forbids, become
/// U+FFFD. Every format applies this before its own escaping, so a NUL or an ESC byte in a
/// learner's output can neither break an XML parser nor reach a terminal that `cat`s the report.
public enum ControlCharacters {
    /// `text` with control characters made visible; line feeds kept when `keepLineFeeds` is true.
    public static func visible(_ text: String, keepLineFeeds: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { needsRewrite($0, keepLineFeeds: keepLineFeeds) }) else { return text }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsRewrite(scalar, keepLineFeeds: keepLineFeeds) else {
                output.append(scalar)
                continue
            }
            switch scalar.value {
            case 0..<0x20:
                output.append("^")
                output.append(Unicode.Scalar(UInt8(scalar.value + 0x40)))
            case 0x7F:
                output.append(contentsOf: "^?".unicodeScalars)
            case 0xFFFE, 0xFFFF:
                output.append("\u{FFFD}")
            default:
                output.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            }
        }
        return String(output)
    }

    /// `text` on one line: line breaks and tabs become spaces, other controls are made visible.
    public static func singleLine(_ text: String) -> String {
        var flattened = String.UnicodeScalarView()
        var changed = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                flattened.append(" ")
                changed = true
            } else {
                flattened.append(scalar)
            }
        }
        return visible(changed ? String(flattened) : text, keepLineFeeds: false)
    }

    private static func needsRewrite(_ scalar: Unicode.Scalar, keepLineFeeds: Bool) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x0A: !keepLineFeeds
        case 0..<0x20, 0x7F, 0x80...0x9F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
