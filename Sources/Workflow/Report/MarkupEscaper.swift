/// Escapes untrusted text for XML 1.0 and HTML: controls made visible, then `& < > " '` as entities.
public enum MarkupEscaper {
    /// `text` safe as element content or as an attribute value in double or single quotes.
    ///
    /// Line feeds are kept in content; pass `keepLineFeeds: false` for attribute values, where an
    /// XML parser would fold them into spaces anyway.
    public static func escape(_ text: String, keepLineFeeds: Bool = true) -> String {
        let visible = ControlCharacters.visible(text, keepLineFeeds: keepLineFeeds)
        guard visible.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return visible }
        var output = ""
        output.reserveCapacity(visible.utf8.count + 16)
        for character in visible.unicodeScalars {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(character)
            }
        }
        return output
    }

    /// `text` as an attribute value: on one line, escaped.
    public static func attribute(_ text: String) -> String {
        escape(ControlCharacters.singleLine(text), keepLineFeeds: false)
    }
}
