import Foundation

/// The checks of `expect:` that kinds other than processes need (SPEC 6): `status`, `size`,
/// `mode`, and the `json` matcher with its path, validated at its column.
extension RunbookDecoder {
    /// `status: 200`, `[200, 204]`, `2xx`, `[2xx, 301]`.
    mutating func decodeStatus(_ node: Node) -> StatusExpectation? {
        let items = node.sequenceItems ?? [node]
        if items.isEmpty { reader.error("the list of statuses is empty", at: node.location) }
        var patterns: [StatusExpectation.Pattern] = []
        for item in items {
            guard let text = item.scalarValue?.trimmingCharacters(in: .whitespaces).lowercased() else {
                reader.error("a status must be a code such as 200 or a class such as 2xx, found \(item.kindDescription)", at: item.location)
                continue
            }
            if let code = Int(text), (100...599).contains(code) {
                patterns.append(.code(code))
            } else if text.count == 3, text.hasSuffix("xx"), let hundred = Int(text.prefix(1)), (1...5).contains(hundred) {
                patterns.append(.family(hundred))
            } else {
                reader.error("status must be a code 100…599, a class 1xx…5xx, or a list of them; found '\(text)'", at: item.location)
            }
        }
        return patterns.isEmpty ? nil : StatusExpectation(patterns)
    }

    /// `">= 0.8"`, `"== ${x}"`, or (when `bareMeansEqual`) a bare number meaning `==`.
    mutating func decodeComparison(_ node: Node, _ what: String, bareMeansEqual: Bool) -> Comparison? {
        guard let text = reader.text(node, what) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let scalars = Array(text.unicodeScalars)
        let found = ComparisonOperator.allCases.first { trimmed.hasPrefix($0.rawValue) }
        guard found != nil || bareMeansEqual else {
            reader.error("\(what) must start with >=, >, <=, <, == or !=, e.g. \">= 0.8\" (quote it)", at: node.location)
            return nil
        }
        let comparison = found ?? .equal
        let operatorLength = found?.rawValue.unicodeScalars.count ?? 0
        let operandText = trimmed.dropFirst(found?.rawValue.count ?? 0).trimmingCharacters(in: .whitespaces)
        let operandStart = Self.skippingBlanks(scalars, from: Self.skippingBlanks(scalars, from: 0) + operatorLength)
        let operand = reader.template(operandText, of: node, offset: operandStart)
        if operand.isLiteral && Double(operandText) == nil {
            reader.error("\(what): '\(operandText)' is not a number or ${var}", at: node.location)
            return nil
        }
        return Comparison(comparison: comparison, operand: operand, raw: found == nil ? "== \(operandText)" : trimmed)
    }

    /// `mode: "0644"` (three or four octal digits), normalised to four.
    mutating func decodeMode(_ node: Node) -> String? {
        guard let text = reader.text(node, "mode") else { return nil }
        let digits = text.trimmingCharacters(in: .whitespaces)
        guard (3...4).contains(digits.count), digits.allSatisfy({ ("0"..."7").contains($0) }) else {
            reader.error("mode must be octal permission bits such as \"0644\" (quote it), found '\(text)'", at: node.location)
            return nil
        }
        return digits.count == 3 ? "0" + digits : digits
    }

    /// `json: { path: P, OP: V }`: the path (checked at its column) and exactly one operation.
    mutating func decodeJSONMatcher(_ node: Node) -> JSONMatcher? {
        guard let pairs = reader.mapping(node, "json", keys: RunbookKeys.json) else { return nil }
        var path: Template?
        var operation: JSONMatcher.Operation?
        var operationKey: String?
        for pair in pairs {
            guard let key = pair.key.scalarValue else { continue }
            if key == "path" {
                path = decodeJSONPath(pair.value)
                continue
            }
            guard JSONMatcher.operationKeys.contains(key) else { continue }
            if let first = operationKey {
                reader.error(
                    "one operation per json matcher; it already has `\(first)`: start a new list item for `\(key)`", at: pair.key.location)
                continue
            }
            operationKey = key
            operation = decodeJSONOperation(key, pair.value)
        }
        if !pairs.contains(where: { $0.key.scalarValue == "path" }) {
            reader.error("json needs `path:`, e.g. `{ path: .State.Running, equals: \"true\" }`", at: node.location)
        }
        if operationKey == nil {
            reader.error("json needs one operation: \(JSONMatcher.operationKeys.joined(separator: ", "))", at: node.location)
        }
        guard let path, let operation else { return nil }
        return JSONMatcher(path: path, operation: operation)
    }

    private mutating func decodeJSONOperation(_ key: String, _ value: Node) -> JSONMatcher.Operation? {
        switch key {
        case "equals": return reader.template(value, "equals").map { .equals($0) }
        case "matches": return reader.template(value, "matches").map { .matches(regex($0, value)) }
        case "contains": return reader.template(value, "contains").map { .contains($0) }
        case "length": return decodeComparison(value, "length", bareMeansEqual: true).map { .length($0) }
        case "value": return decodeComparison(value, "value", bareMeansEqual: true).map { .value($0) }
        case "exists": return reader.bool(value, "exists").map { .exists($0) }
        default: return nil
        }
    }

    /// A jq-style path; its syntax is checked with each `${…}` standing in as a name of the same length.
    mutating func decodeJSONPath(_ node: Node) -> Template? {
        guard let template = reader.template(node, "path") else { return nil }
        var placeholder = ""
        for part in template.parts {
            switch part {
            case .literal(let text): placeholder += text
            case .variable(let name, _): placeholder += String(repeating: "x", count: name.count + 3)
            case .environment(let name, let fallback, _):
                placeholder += String(repeating: "x", count: name.count + 7 + (fallback.map { $0.raw.count + 2 } ?? 0))
            }
        }
        do throws(JSONPathError) {
            _ = try JSONPath(parsing: placeholder)
        } catch {
            reader.error("bad json path '\(template.raw)': \(error.reason)", at: ScalarLocator(node).location(ofOffset: error.offset))
        }
        return template
    }
}
