/// Lays out an engine's JSON answer as `docker <object> inspect` prints it, so that a probe's
/// stdout (and every line matcher and excerpt) is the same through the Engine API as through the
/// CLI. The CLI indents the engine's raw answer with Go's `json.Indent(…, "", "    ")`, inside a
/// one-element array that `InspectOutputConsumer` takes away again; indenting the object itself at
/// depth 0 gives exactly those lines.
///
/// Go's rules: whitespace outside strings is dropped; `{` and `[` open a level, but an empty
/// object or array stays `{}` / `[]`; `,` ends the line; `:` is followed by one space; strings,
/// numbers and literals are copied byte for byte (escapes as the engine wrote them).
enum InspectIndentation {
    /// `json` (one valid JSON document) indented, ending with a line feed.
    static func indent(_ json: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(json.count * 2)
        var depth = 0
        var needIndent = false
        var inString = false
        var escaped = false
        func newline(_ depth: Int) {
            output.append(0x0A)
            output.append(contentsOf: repeatElement(0x20, count: 4 * depth))
        }
        for byte in json {
            if inString {
                output.append(byte)
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            let closes = byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")
            if needIndent && !closes {
                needIndent = false
                depth += 1
                newline(depth)
            }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                needIndent = true
                output.append(byte)
            case UInt8(ascii: ","):
                output.append(byte)
                newline(depth)
            case UInt8(ascii: ":"):
                output.append(byte)
                output.append(0x20)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if needIndent {
                    needIndent = false
                } else {
                    depth -= 1
                    newline(depth)
                }
                output.append(byte)
            case UInt8(ascii: "\""):
                inString = true
                output.append(byte)
            default:
                output.append(byte)
            }
        }
        output.append(0x0A)
        return output
    }
}
