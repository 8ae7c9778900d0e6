import Foundation

/// `expect:`: exit statuses, stream matchers and value checks.
extension RunbookDecoder {
    /// `expect:`: every check, with where each kind-specific one is written.
    mutating func decodeExpectation(_ node: Node) -> Expectation {
        var expectation = Expectation()
        for pair in reader.mapping(node, "expect", keys: RunbookKeys.expect) ?? [] {
            switch pair.key.scalarValue {
            case "exit":
                expectation.exitWritten = true
                expectation.written[.exit] = pair.key.location
                let (exitNode, why) = decodeCheckMap(pair.value, "exit")
                expectation.exitWhy = why
                if let exitNode { expectation.exit = decodeExit(exitNode) }
            case "status":
                expectation.written[.status] = pair.key.location
                let (statusNode, why) = decodeCheckMap(pair.value, "status")
                expectation.statusWhy = why
                if let statusNode { expectation.status = decodeStatus(statusNode) }
            case "exists":
                expectation.written[.exists] = pair.key.location
                expectation.exists = reader.bool(pair.value, "exists")
            case "size":
                expectation.written[.size] = pair.key.location
                expectation.size = decodeComparison(pair.value, "size", bareMeansEqual: true)
            case "mode":
                expectation.written[.mode] = pair.key.location
                expectation.mode = decodeMode(pair.value)
            case "stdout", "stderr", "output":
                let stream = StreamSelector(rawValue: pair.key.scalarValue!)!
                let items = pair.value.sequenceItems ?? [pair.value]
                for item in items {
                    if let matcher = decodeMatcher(item) {
                        let decoded = StreamExpectation(stream: stream, matcher: matcher.0, location: matcher.1, why: matcher.2)
                        expectation.streams.append(decoded)
                    }
                }
            case "values":
                guard let valuePairs = pair.value.mappingPairs else {
                    reader.error("values must be a map of capture names to checks such as \">= 0.8\"", at: pair.value.location)
                    continue
                }
                for valuePair in valuePairs {
                    if let check = decodeValueCheck(valuePair) { expectation.values.append(check) }
                }
            default: break
            }
        }
        return expectation
    }

    /// `exit:`: a code, a list of codes, `any` or `nonzero`.
    mutating func decodeExit(_ node: Node) -> ExitExpectation {
        if let items = node.sequenceItems {
            let codes = items.compactMap { reader.integer($0, "an exit code", in: 0...255) }.map(Int32.init)
            if items.isEmpty { reader.error("the list of exit codes is empty", at: node.location) }
            return .codes(codes)
        }
        switch node.scalarValue {
        case "any": return .any
        case "nonzero": return .nonzero
        default:
            guard let text = node.scalarValue, let code = Int32(text), (0...255).contains(code) else {
                reader.error(
                    "exit must be a code 0…255, a list of codes, `any` or `nonzero`, found \(node.scalarValue.map { "'\($0)'" } ?? node.kindDescription)",
                    at: node.location)
                return .codes([0])
            }
            return .codes([code])
        }
    }

    /// One matcher map of a stream, where its key is, and its `why:`.
    mutating func decodeMatcher(_ node: Node) -> (Matcher, SourceLocation, Template?)? {
        guard let pairs = node.mappingPairs else {
            reader.error("a matcher must be a map such as `{ contains: text }`, found \(node.kindDescription)", at: node.location)
            return nil
        }
        reader.diagnostics += KeyChecker(allowed: RunbookKeys.matcherMap, what: "matcher").check(pairs)
        let whyPair = pairs.first { $0.key.scalarValue == RunbookKeys.why }
        let why = whyPair.flatMap { reader.template($0.value, "why") }
        guard let pair = pairs.first(where: { RunbookKeys.matcher.contains($0.key.scalarValue ?? "") }) else {
            if pairs.isEmpty {
                reader.error("empty matcher; use one of: " + RunbookKeys.matcher.joined(separator: ", "), at: node.location)
            }
            if let whyPair, pairs.count == 1 {
                let matchers = RunbookKeys.matcher.joined(separator: ", ")
                reader.error("`why` explains a matcher: put it beside one (\(matchers))", at: whyPair.key.location)
            }
            return nil
        }
        for extra in pairs.dropFirst()
        where RunbookKeys.matcher.contains(extra.key.scalarValue ?? "") && extra.key.location != pair.key.location {
            reader.error("one matcher per map; start a new list item (`- \(extra.key.scalarValue!): …`)", at: extra.key.location)
        }
        guard let matcher = decodeMatcherValue(pair) else { return nil }
        return (matcher, pair.key.location, why)
    }

    /// `exit:` or `status:` as written: the value itself, or its map form `{ equals: V, why: TEXT }`
    /// (the value to decode and the `why`); the value is nil when the map lacks `equals`.
    mutating func decodeCheckMap(_ node: Node, _ key: String) -> (Node?, Template?) {
        guard node.mappingPairs != nil else { return (node, nil) }
        guard let pairs = reader.mapping(node, key, keys: RunbookKeys.checkMap) else { return (nil, nil) }
        let why = pairs.first { $0.key.scalarValue == RunbookKeys.why }.flatMap { reader.template($0.value, "why") }
        guard let equals = pairs.first(where: { $0.key.scalarValue == "equals" }) else {
            reader.error("\(key) as a map needs `equals`, e.g. `{ equals: \(key == "exit" ? "0" : "200"), why: … }`", at: node.location)
            return (nil, why)
        }
        return (equals.value, why)
    }

    /// The matcher of a matcher map's own key: `contains`, `matches`, … `json`.
    private mutating func decodeMatcherValue(_ pair: Node.Pair) -> Matcher? {
        let value = pair.value
        switch pair.key.scalarValue {
        case "contains", "not_contains":
            guard let template = reader.template(value, pair.key.scalarValue!) else { return nil }
            if template.raw.contains("\n") {
                reader.error("`\(pair.key.scalarValue!)` matches within one line; the text must not contain a newline", at: value.location)
            }
            return pair.key.scalarValue == "contains" ? .contains(template) : .notContains(template)
        case "matches": return reader.template(value, "matches").map { .matches(regex($0, value)) }
        case "not_matches": return reader.template(value, "not_matches").map { .notMatches(regex($0, value)) }
        case "equals": return reader.template(value, "equals").map { .equals($0) }
        case "lines":
            guard let items = reader.list(value, "lines") else { return nil }
            if items.isEmpty { reader.error("lines needs at least one regex", at: value.location) }
            let regexes = items.compactMap { item in reader.template(item, "a lines regex").map { regex($0, item) } }
            return .lines(regexes)
        case "json":
            return decodeJSONMatcher(value).map { .json($0) }
        case "count":
            guard let countPairs = reader.mapping(value, "count", keys: RunbookKeys.count) else { return nil }
            var pattern: Template?
            var minimum: Int?
            var maximum: Int?
            for countPair in countPairs {
                switch countPair.key.scalarValue {
                case "matches": pattern = reader.template(countPair.value, "matches").map { regex($0, countPair.value) }
                case "min": minimum = reader.integer(countPair.value, "min", in: 0...Int.max)
                case "max": maximum = reader.integer(countPair.value, "max", in: 0...Int.max)
                default: break
                }
            }
            guard let pattern else {
                reader.error("count needs `matches: REGEX`", at: value.location)
                return nil
            }
            if minimum == nil && maximum == nil { reader.error("count needs `min`, `max` or both", at: value.location) }
            if let minimum, let maximum, minimum > maximum {
                reader.error("count's min (\(minimum)) is above its max (\(maximum))", at: value.location)
            }
            return .count(pattern, min: minimum, max: maximum)
        default: return nil
        }
    }

    /// Records a regex for compilation checks; returns it unchanged.
    mutating func regex(_ template: Template, _ node: Node) -> Template {
        reader.regex(template, at: node)
    }

    /// One `values:` entry: a capture name and a comparison such as `">= 0.8"`.
    mutating func decodeValueCheck(_ pair: Node.Pair) -> ValueCheck? {
        guard let name = pair.key.scalarValue, TemplateParser.isVariableName(name) else {
            reader.error("a value check names a capture: [A-Za-z_][A-Za-z0-9_]*", at: pair.key.location)
            return nil
        }
        guard let text = reader.text(pair.value, "value check '\(name)'") else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let comparison = ComparisonOperator.allCases.first(where: { trimmed.hasPrefix($0.rawValue) }) else {
            reader.error(
                "value check '\(name)' must start with >=, >, <=, <, == or !=, e.g. \">= 0.8\" (quote it)", at: pair.value.location)
            return nil
        }
        let operandText = trimmed.dropFirst(comparison.rawValue.count).trimmingCharacters(in: .whitespaces)
        let scalars = Array(text.unicodeScalars)
        let operandStart = Self.skippingBlanks(
            scalars, from: Self.skippingBlanks(scalars, from: 0) + comparison.rawValue.unicodeScalars.count)
        let operand = reader.template(operandText, of: pair.value, offset: operandStart)
        if operand.isLiteral && Double(operandText) == nil {
            reader.error("value check '\(name)': '\(operandText)' is not a number or ${var}", at: pair.value.location)
            return nil
        }
        return ValueCheck(name: name, comparison: comparison, operand: operand, location: pair.key.location)
    }
}
