import Foundation
import Text

/// One `json` matcher, substituted and ready: judged at the end, on the stream's whole document.
final class JSONCheck: @unchecked Sendable {
    /// The operation with its values substituted.
    enum Resolved {
        case equals(String)
        case matches(NSRegularExpression, String)
        case contains(String)
        case length(ComparisonOperator, Double, String)
        case value(ComparisonOperator, Double, String)
        case exists(Bool)
    }

    /// The stream read.
    let stream: StreamSelector
    /// `stdout: json`.
    let label: String
    /// The path, substituted and parsed.
    let path: JSONPath
    /// The check.
    let operation: Resolved
    /// The expected value for the report.
    let expected: String
    /// Where the matcher is written.
    let sourceLine: Int
    /// The matcher's `why:`, substituted (its raw text when a value is not known yet).
    let why: String?

    /// Builds the check of `expectation` (a `json` matcher) with `render` substituting its templates.
    init(_ expectation: StreamExpectation, json: JSONMatcher, render: (Template, Bool) throws -> String) throws {
        stream = expectation.stream
        label = "\(expectation.stream.rawValue): json"
        sourceLine = expectation.location.line
        why = expectation.why.map { (try? render($0, false)) ?? $0.raw }
        let pathText = try json.path.render({ part in try Self.renderPart(part, render: render) }, transform: JSONPath.escape)
        path = try JSONPath(parsing: pathText)
        switch json.operation {
        case .equals(let text):
            let value = try render(text, false)
            operation = .equals(value)
            expected = "\(pathText) equals \(Self.quote(value))"
        case .matches(let regex):
            let pattern = try render(regex, true)
            switch RegexSupport.compile(pattern) {
            case .success(let compiled): operation = .matches(compiled, pattern)
            case .failure(let error): throw error
            }
            expected = "\(pathText) matches \(Self.quote(pattern))"
        case .contains(let text):
            let value = try render(text, false)
            operation = .contains(value)
            expected = "\(pathText) contains \(Self.quote(value))"
        case .length(let comparison), .value(let comparison):
            let operand = try render(comparison.operand, false)
            guard let number = Double(operand.trimmingCharacters(in: .whitespaces)) else {
                throw ExpectationSetupError(message: "'\(operand)' is not a number")
            }
            let shown = "\(comparison.comparison.rawValue) \(operand)"
            if case .length = json.operation {
                operation = .length(comparison.comparison, number, shown)
                expected = "length of \(pathText) \(shown)"
            } else {
                operation = .value(comparison.comparison, number, shown)
                expected = "\(pathText) \(shown)"
            }
        case .exists(let flag):
            operation = .exists(flag)
            expected = flag ? "\(pathText) exists" : "\(pathText) is absent"
        }
    }

    /// One part of the path template as text (references through `render`).
    private static func renderPart(_ part: Template.Part, render: (Template, Bool) throws -> String) throws -> String {
        try render(Template(parts: [part], raw: "", location: SourceLocation(file: "", line: 0, column: 0)), false)
    }

    /// What went wrong, or nil when the check holds for `document`.
    func failure(document: Result<JSONValue, JSONSyntaxError>) -> MatcherFailure? {
        let message: String?
        switch document {
        case .failure(let error):
            message = "not JSON: \(error.description)"
        case .success(let root):
            message = judge(path.lookup(in: root))
        }
        return message.map { MatcherFailure(matcher: label, expected: expected, message: $0, sourceLine: sourceLine, why: why) }
    }

    private func judge(_ lookup: JSONPath.Lookup) -> String? {
        let at = path.text
        guard case .found(let value) = lookup else {
            if case .exists(false) = operation { return nil }
            if case .missing(let why) = lookup { return why }
            return nil
        }
        switch operation {
        case .exists(let wanted):
            return wanted ? nil : "path \(at) exists (its value is \(Self.shown(value)))"
        case .equals(let text):
            return value.text == text ? nil : "the value at \(at) is \(Self.shown(value)), expected \(Self.quote(text))"
        case .matches(let regex, let pattern):
            let text = value.text
            let found = regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
            return found ? nil : "the value at \(at) is \(Self.shown(value)), which does not match \(Self.quote(pattern))"
        case .contains(let text):
            switch value {
            case .string(let string):
                return string.contains(text)
                    ? nil : "the string at \(at) is \(Self.shown(value)), which does not contain \(Self.quote(text))"
            case .array(let items):
                return items.contains { $0.text == text }
                    ? nil : "no element of the array at \(at) is \(Self.quote(text)) (\(Self.shown(value)))"
            case .object(let members):
                let keys = members.map(\.key)
                return keys.contains(text)
                    ? nil : "the object at \(at) has no key \(Self.quote(text)) (keys: \(keys.joined(separator: ", ")))"
            default:
                return "the value at \(at) is \(value.kindName) (\(Self.shown(value))); contains needs a string, an array or an object"
            }
        case .length(let comparison, let number, let shown):
            let length: Int
            switch value {
            case .string(let string): length = string.count
            case .array(let items): length = items.count
            case .object(let members): length = members.count
            default: return "the value at \(at) is \(value.kindName), which has no length"
            }
            return comparison.holds(Double(length), number) ? nil : "the length of \(at) is \(length), expected \(shown)"
        case .value(let comparison, let number, let shown):
            let text = value.text
            guard let actual = Double(text) else { return "the value at \(at) is \(Self.shown(value)), not a number" }
            return comparison.holds(actual, number) ? nil : "the value at \(at) is \(text), expected \(shown)"
        }
    }

    /// A value for a message, as JSON, cut to 200 characters.
    static func shown(_ value: JSONValue) -> String {
        var text = value.text
        if case .string = value { text = quote(text) }
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }

    /// `text` as a JSON string literal, as values are shown in messages.
    static func quote(_ text: String) -> String {
        var output = ""
        JSONValue.writeString(text, to: &output)
        return output
    }
}
