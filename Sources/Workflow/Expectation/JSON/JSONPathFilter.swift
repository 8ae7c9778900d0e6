import Text

/// `[?(.FIELD == V)]` / `[?(.FIELD != V)]` in a JSON path (SPEC 6.11): keeps the array items (or
/// object values) whose FIELD, a path relative to the item, has (or has not) the text V — a quoted
/// string, a number, `true`, `false` or `null`, compared with the value's text as `equals` does.
public struct JSONPathFilter: Sendable, Hashable, CustomStringConvertible {
    /// The field, relative to each item.
    public var field: [JSONPath.Segment]
    /// `!=` rather than `==`.
    public var negated: Bool
    /// The text compared.
    public var value: String
    /// Whether the value was written quoted (for messages).
    var quoted: Bool

    /// Parses a filter at `index`, on the `?` after `[`; leaves `index` after the closing `]`.
    init(parsing scalars: [Unicode.Scalar], at index: inout Int) throws(JSONPathError) {
        let opening = index - 1
        func fail(_ reason: String) -> JSONPathError { JSONPathError(reason: reason, offset: min(index, scalars.count)) }
        func skipSpaces() { while index < scalars.count, scalars[index] == " " { index += 1 } }
        func expect(_ scalar: Unicode.Scalar, _ what: String) throws(JSONPathError) {
            guard index < scalars.count, scalars[index] == scalar else { throw fail(what) }
            index += 1
        }
        index += 1
        try expect("(", "a filter is written [?(.FIELD == VALUE)]")
        skipSpaces()
        var field: [JSONPath.Segment] = []
        while index < scalars.count, scalars[index] == "." {
            index += 1
            if index < scalars.count, scalars[index] == "\"" {
                field.append(.key(try JSONPath.quotedKey(scalars, &index)))
                continue
            }
            let start = index
            while index < scalars.count, JSONPath.isNameScalar(scalars[index], first: index == start) { index += 1 }
            guard index > start else { throw fail("expected a field name after '.' in the filter") }
            field.append(.key(String(String.UnicodeScalarView(scalars[start..<index]))))
        }
        guard !field.isEmpty else { throw fail("a filter compares a field of each item: [?(.Name == \"web\")]") }
        skipSpaces()
        guard index + 1 < scalars.count, scalars[index + 1] == "=", scalars[index] == "=" || scalars[index] == "!" else {
            throw fail("expected == or != in the filter")
        }
        negated = scalars[index] == "!"
        index += 2
        skipSpaces()
        if index < scalars.count, scalars[index] == "\"" {
            value = try JSONPath.quotedKey(scalars, &index)
            quoted = true
        } else {
            let start = index
            while index < scalars.count, scalars[index] != " ", scalars[index] != ")" { index += 1 }
            let word = String(String.UnicodeScalarView(scalars[start..<index]))
            guard word == "true" || word == "false" || word == "null" || Double(word) != nil else {
                throw JSONPathError(reason: "the value of a filter is a quoted string or a number: \"\(word)\"", offset: start)
            }
            value = word
            quoted = false
        }
        skipSpaces()
        try expect(")", "expected ')' to close the filter")
        guard index < scalars.count, scalars[index] == "]" else {
            throw JSONPathError(reason: "expected ']' after the filter", offset: opening)
        }
        index += 1
        self.field = field
    }

    /// Whether `item` is kept: its field's text is (`==`) or is not (`!=`, an absent field included) the value.
    func keeps(_ item: JSONValue) -> Bool {
        guard case .found(let found) = JSONPath.lookup(field[...], in: item) else { return negated }
        return (found.text == value) != negated
    }

    /// `.Name == "web"`.
    var condition: String {
        let shown = quoted ? "\"" + JSONPath.escape(value) + "\"" : value
        return JSONPath.render(field[...]) + (negated ? " != " : " == ") + shown
    }

    /// `[?(.Name == "web")]`.
    public var description: String { "[?(\(condition))]" }
}
