/// Makes untrusted text safe for a terminal: control characters become visible, never sent raw.
enum VisibleText {
    /// `text` with C0/C1 controls (but not tab) shown as `^X` or `\u{…}`.
    static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !isControl(scalar) {
                output.append(scalar)
            } else if scalar.value < 0x20 {
                output.append("^")
                output.append(Unicode.Scalar(UInt8(scalar.value + 0x40)))
            } else if scalar.value == 0x7F {
                output.append(contentsOf: "^?".unicodeScalars)
            } else {
                output.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            }
        }
        return String(output)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
    }
}
