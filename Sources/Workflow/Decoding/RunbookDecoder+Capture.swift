import Foundation

/// `capture:` entries and the captures implied by named regex groups.
extension RunbookDecoder {
    /// `capture:`: each name with `from` and a `regex` or a `json` path.
    mutating func decodeCaptures(_ node: Node) -> [Capture] {
        guard let pairs = node.mappingPairs else {
            reader.error(
                "capture must be a map of names to { from, regex } or { from, json }, found \(node.kindDescription)", at: node.location)
            return []
        }
        var captures: [Capture] = []
        for pair in pairs {
            guard let name = pair.key.scalarValue, TemplateParser.isVariableName(name) else {
                reader.error(
                    "'\(pair.key.scalarValue ?? "?")' is not a valid capture name; use [A-Za-z_][A-Za-z0-9_]*", at: pair.key.location)
                continue
            }
            guard let fields = reader.mapping(pair.value, "capture '\(name)'", keys: RunbookKeys.capture) else { continue }
            var stream: StreamSelector?
            var pattern: Template?
            var jsonPath: Template?
            for field in fields {
                switch field.key.scalarValue {
                case "from":
                    guard let text = reader.text(field.value, "from") else { break }
                    stream = StreamSelector(rawValue: text)
                    if stream == nil { reader.error("from must be stdout, stderr or output, found '\(text)'", at: field.value.location) }
                case "regex": pattern = reader.template(field.value, "regex").map { regex($0, field.value) }
                case "json": jsonPath = decodeJSONPath(field.value)
                default: break
                }
            }
            let written = Set(fields.compactMap(\.key.scalarValue))
            if !written.contains("from") { reader.error("capture '\(name)' needs `from: stdout|stderr|output`", at: pair.value.location) }
            if written.contains("regex") && written.contains("json") {
                reader.error("capture '\(name)' takes either `regex:` or `json:`, not both", at: pair.key.location)
                continue
            }
            if let jsonPath {
                captures.append(
                    Capture(
                        name: name, stream: stream ?? .stdout, regex: Template(literal: "", location: jsonPath.location),
                        jsonPath: jsonPath,
                        location: pair.key.location))
                continue
            }
            guard let pattern else {
                if !written.contains("regex") && !written.contains("json") {
                    reader.error("capture '\(name)' needs `regex:` with a group, or `json:` with a path", at: pair.value.location)
                }
                continue
            }
            reader.findings.captureGroupChecks.append((name, pattern, pair.key.location))
            captures.append(Capture(name: name, stream: stream ?? .stdout, regex: pattern, location: pair.key.location))
        }
        return captures
    }

    /// Captures implied by `(?<name>…)` groups in `matches` and `lines` matchers.
    func namedGroupCaptures(of expectation: Expectation) -> [Capture] {
        var captures: [Capture] = []
        for stream in expectation.streams {
            let patterns: [Template]
            switch stream.matcher {
            case .matches(let regex): patterns = [regex]
            case .lines(let regexes): patterns = regexes
            default: continue
            }
            for pattern in patterns {
                for name in RegexSupport.namedGroups(in: pattern.raw) {
                    captures.append(
                        Capture(name: name, stream: stream.stream, regex: pattern, location: pattern.location, fromMatcher: true))
                }
            }
        }
        return captures
    }
}
