/// A JSON value in its document's own order (objects keep their key order, numbers their
/// spelling): the one JSON model of the project. `JSONParser` reads it from a stream (the `json`
/// matcher, JSON captures, an engine's `info`); it is `Codable` for what runbook keeps and writes
/// (a backend's fingerprint in the journal, the JSON Schemas of `runbook schema`).
public indirect enum JSONValue: Sendable, Hashable, Codable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, as the document spells it.
    case number(String)
    /// A string, unescaped.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, members in document order.
    case object(JSONObject)

    /// A whole number.
    public static func integer(_ value: Int) -> JSONValue {
        .number(String(value))
    }

    /// Reads any JSON value through a decoder; an object's members come sorted by key (a keyed
    /// container has no order of its own), numbers as the shortest text that gives them back.
    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: JSONObject.CodingName.self) {
            var members: [JSONObject.Member] = []
            for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                members.append(JSONObject.Member(key: key.stringValue, value: try container.decode(JSONValue.self, forKey: key)))
            }
            self = .object(JSONObject(members))
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .number(String(value))
        } else if let value = try? container.decode(Double.self) {
            self = .number(String(value))
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else {
            self = .array(try container.decode([JSONValue].self))
        }
    }

    /// Writes the value through an encoder; a number as a whole number or a double when it reads as one.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let members):
            var container = encoder.container(keyedBy: JSONObject.CodingName.self)
            for member in members { try container.encode(member.value, forKey: JSONObject.CodingName(member.key)) }
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .number(let text):
            var container = encoder.singleValueContainer()
            if let whole = Int(text) { try container.encode(whole) } else { try container.encode(Double(text) ?? 0) }
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .array(let items):
            var container = encoder.singleValueContainer()
            try container.encode(items)
        }
    }

    /// The member `key` of an object, nil for anything else.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The text of a string, nil for anything else.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The value's text (SPEC 6.5): strings as they are, numbers, true, false and null as JSON
    /// spells them, arrays and objects as compact JSON in the document's order.
    public var text: String {
        if case .string(let text) = self { return text }
        var output = ""
        JSONValue.writeCompact(self, to: &output)
        return output
    }

    /// Compact JSON of `value`.
    public static func writeCompact(_ value: JSONValue, to output: inout String) {
        switch value {
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
