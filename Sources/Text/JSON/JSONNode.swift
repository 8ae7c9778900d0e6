/// A JSON value as read from a stream, in the document's own order (objects keep their key order,
/// numbers their spelling), for the `json` matcher and JSON captures.
public indirect enum JSONNode: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, as the document spells it.
    case number(String)
    /// A string, unescaped.
    case string(String)
    /// An array.
    case array([JSONNode])
    /// An object, members in document order.
    case object([Member])

    /// One member of an object.
    public struct Member: Sendable, Hashable {
        /// The key.
        public var key: String
        /// The value.
        public var value: JSONNode

        /// Creates a member.
        public init(key: String, value: JSONNode) {
            self.key = key
            self.value = value
        }
    }

    /// The value's text (SPEC 6.5): strings as they are, numbers, true, false and null as JSON
    /// spells them, arrays and objects as compact JSON in the document's order.
    public var text: String {
        if case .string(let text) = self { return text }
        var output = ""
        JSONNode.writeCompact(self, to: &output)
        return output
    }

    /// Compact JSON of `node`.
    public static func writeCompact(_ node: JSONNode, to output: inout String) {
        switch node {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let text): output += text
        case .string(let text): writeString(text, to: &output)
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                writeCompact(item, to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { output += "," }
                writeString(member.key, to: &output)
                output += ":"
                writeCompact(member.value, to: &output)
            }
            output += "}"
        }
    }

    /// A JSON string literal of `text`.
    public static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    /// What kind of value this is, for messages.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
