@testable import Workflow

/// Builds evaluators and feeds them lines for the expectation tests.
enum EvaluatorFixture {
    /// A position for the model values built here.
    static let here = SourceLocation(file: "test.yaml", line: 7, column: 3)

    /// Parses `text` as a template (`${…}` references included).
    static func template(_ text: String) -> Template {
        TemplateParser().parse(text, at: here) { _ in }
    }

    /// A matcher on a stream.
    static func on(_ stream: StreamSelector, _ matcher: Matcher) -> StreamExpectation {
        StreamExpectation(stream: stream, matcher: matcher, location: here)
    }

    static func contains(_ text: String) -> Matcher { .contains(template(text)) }
    static func notContains(_ text: String) -> Matcher { .notContains(template(text)) }
    static func matches(_ regex: String) -> Matcher { .matches(template(regex)) }
    static func notMatches(_ regex: String) -> Matcher { .notMatches(template(regex)) }
    static func equals(_ text: String) -> Matcher { .equals(template(text)) }
    static func lines(_ regexes: [String]) -> Matcher { .lines(regexes.map(template)) }
    static func count(_ regex: String, min: Int?, max: Int?) -> Matcher { .count(template(regex), min: min, max: max) }

    /// A `capture:` entry.
    static func capture(_ name: String, from stream: StreamSelector = .stdout, _ regex: String) -> Capture {
        Capture(name: name, stream: stream, regex: template(regex), location: here)
    }

    /// A `values:` check such as `>= 0.8`.
    static func value(_ name: String, _ comparison: ComparisonOperator, _ operand: String) -> ValueCheck {
        ValueCheck(name: name, comparison: comparison, operand: template(operand), location: here)
    }

    /// A reference the renderer cannot resolve.
    struct Unresolved: Error { let name: String }

    /// An evaluator whose renderer resolves `${name}` from `vars` (regex-escaped in regexes).
    static func evaluator(
        _ streams: [StreamExpectation], captures: [Capture] = [], values: [ValueCheck] = [], exit: ExitExpectation = .codes([0]),
        finishOnMatch: Bool = false, vars: [String: String] = [:], excerptLimit: Int = 64 * 1024
    ) throws -> OutputEvaluator {
        try OutputEvaluator(
            expect: Expectation(exit: exit, streams: streams, values: values), captures: captures, finishOnMatch: finishOnMatch,
            excerptLimit: excerptLimit
        ) { template, asRegex in
            try template.render(
                { part in
                    guard case .variable(let name, _) = part, let value = vars[name] else { throw Unresolved(name: "\(part)") }
                    return value
                }, transform: asRegex ? RegexSupport.escape : { $0 })
        }
    }
}

extension MatcherFailure {
    /// The failure as the runner reports it: "matcher: message".
    var summary: String { "\(matcher): \(message)" }
}

extension OutputEvaluator {
    /// Feeds one line of text; returns what `consume` returned.
    @discardableResult
    func feed(_ line: String, _ stream: OutputStreamKind = .stdout, truncated: Bool = false) -> Bool {
        Array(line.utf8).withUnsafeBytes { consume(line: $0, stream: stream, truncated: truncated) }
    }

    /// Feeds raw bytes as one line.
    @discardableResult
    func feed(bytes: [UInt8], _ stream: OutputStreamKind = .stdout, truncated: Bool = false) -> Bool {
        bytes.withUnsafeBytes { consume(line: $0, stream: stream, truncated: truncated) }
    }

    /// Feeds every line of `text` (split on LF) to `stream`; returns the 1-based index of the
    /// first line for which `consume` returned true, or nil.
    @discardableResult
    func feedLines(_ text: String, _ stream: OutputStreamKind = .stdout) -> Int? {
        var stoppedAt: Int?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where feed(String(line), stream) {
            if stoppedAt == nil { stoppedAt = index + 1 }
        }
        return stoppedAt
    }

    /// Finishes with exit status 0 and no earlier captures.
    func finish(exit: Int32? = 0, before: [String: String] = [:]) -> EvaluationResult {
        finish(exitCode: exit, capturedBefore: before)
    }
}
