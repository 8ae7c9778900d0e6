/// How many terminal columns text takes, and cutting text to a number of columns.
enum TerminalWidth {
    /// Columns of `text`: most characters 1, wide (East Asian, emoji) 2, combining marks and
    /// ANSI escape sequences 0.
    static func columns(of text: String) -> Int {
        var count = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if (0x40...0x7E).contains(scalar.value) && scalar != "[" { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" {
                inEscape = true
                continue
            }
            count += width(of: scalar)
        }
        return count
    }

    /// `text` cut to `limit` columns, ending with `…` when something was cut (escapes kept whole).
    static func cut(_ text: String, to limit: Int) -> String {
        guard columns(of: text) > limit else { return text }
        var output = String.UnicodeScalarView()
        var count = 0
        var inEscape = false
        var styled = false
        for scalar in text.unicodeScalars {
            if inEscape {
                output.append(scalar)
                if (0x40...0x7E).contains(scalar.value) && scalar != "[" { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" {
                inEscape = true
                styled = true
                output.append(scalar)
                continue
            }
            let next = width(of: scalar)
            if count + next > limit - 1 { break }
            output.append(scalar)
            count += next
        }
        return String(output) + "…" + (styled ? "\u{1B}[0m" : "")
    }

    private static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        if (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
            || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
        {
            return 2
        }
        return 1
    }
}
