import Text

/// Small pieces of JSON Schema (draft-07) for `RunbookSchema` and `RosterSchema`.
///
/// Where runbook reads text, any YAML scalar is text (`8080`, `1.10`, `true` stay text, SPEC 1),
/// so "text" accepts strings, numbers and booleans, never null (an empty plain value is an error).
public enum SchemaBuilder {
    /// The JSON types of a YAML scalar that is not null.
    public static let scalarTypes: JSONValue = .array([.string("string"), .string("number"), .string("boolean")])

    /// Any non-null scalar.
    public static let text: JSONValue = .object(["type": scalarTypes])

    /// A boolean (`true`/`false`).
    public static let boolean: JSONValue = .object(["type": .string("boolean")])

    /// `[a-z0-9][a-z0-9_-]*`: step and learner ids (a plain `123` is an id too).
    public static let identifier: JSONValue = .object([
        "type": .array([.string("string"), .string("integer")]), "pattern": .string("^[a-z0-9][a-z0-9_-]*$"), "minimum": .integer(0),
    ])

    /// The pattern of var, capture and environment names.
    public static let namePattern = "^[A-Za-z_][A-Za-z0-9_]*$"

    /// A duration such as `90s` or `1m30s` (SPEC 1.1), above zero; a bare number is not one.
    public static let duration: JSONValue = .object([
        "type": .string("string"), "pattern": .string("^(?!0+(ms|s|m|h)(0+(ms|s|m|h))*$)[0-9]+(ms|s|m|h)([0-9]+(ms|s|m|h))*$"),
        "description": .string("a duration with units, above zero: 90s, 1m30s, 100ms, 2h"),
    ])

    /// A whole number from `minimum` (to `maximum`), written as a number or as digits in a string.
    public static func wholeNumber(minimum: Int, maximum: Int? = nil) -> JSONValue {
        var members: JSONObject = [
            "type": .array([.string("integer"), .string("string")]), "minimum": .integer(minimum), "pattern": .string("^ *[0-9]+ *$"),
        ]
        if let maximum { members["maximum"] = .integer(maximum) }
        return .object(members)
    }

    /// A map with exactly `properties` (each optional unless `required`).
    public static func object(_ properties: [String: JSONValue], required: [String] = [], description: String? = nil) -> JSONValue {
        var members: JSONObject = [
            "type": .string("object"), "additionalProperties": .bool(false), "properties": .object(JSONObject(properties)),
        ]
        if !required.isEmpty { members["required"] = .array(required.map(JSONValue.string)) }
        if let description { members["description"] = .string(description) }
        return .object(members)
    }

    /// A map whose keys match `pattern` and whose values are `values`.
    public static func map(keys pattern: String, values: JSONValue, description: String? = nil) -> JSONValue {
        var members: JSONObject = [
            "type": .string("object"), "propertyNames": .object(["pattern": .string(pattern)]), "additionalProperties": values,
        ]
        if let description { members["description"] = .string(description) }
        return .object(members)
    }

    /// A list of `items`.
    public static func list(_ items: JSONValue, minItems: Int = 0) -> JSONValue {
        var members: JSONObject = ["type": .string("array"), "items": items]
        if minItems > 0 { members["minItems"] = .integer(minItems) }
        return .object(members)
    }

    /// One `item` or a list of them.
    public static func oneOrMany(_ item: JSONValue) -> JSONValue {
        .object(["anyOf": .array([item, list(item)])])
    }

    /// `schema` with a description for editors' hovers.
    public static func described(_ schema: JSONValue, _ description: String) -> JSONValue {
        guard case .object(var members) = schema else { return schema }
        members["description"] = .string(description)
        return .object(members)
    }

    /// A reference to `#/definitions/NAME`.
    public static func reference(_ name: String) -> JSONValue {
        .object(["$ref": .string("#/definitions/\(name)")])
    }

    /// Anything at all: what a key gets that the schema does not describe yet (never rejects a valid runbook).
    public static let anything: JSONValue = .object([:])
}
