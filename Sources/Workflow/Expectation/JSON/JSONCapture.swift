import Text

/// A `capture: { NAME: { from: STREAM, json: PATH } }`: the text of the value at a path of the
/// stream's document, taken at the end.
final class JSONCapture: @unchecked Sendable {
    /// The capture's name.
    let name: String
    /// The stream read.
    let stream: StreamSelector
    /// The path, substituted and parsed.
    let path: JSONPath
    /// Where the capture is written.
    let sourceLine: Int

    /// Builds the capture of `capture` (which has a JSON path) with `render` substituting it.
    init(_ capture: Capture, path template: Template, render: (Template, Bool) throws -> String) throws {
        name = capture.name
        stream = capture.stream
        sourceLine = capture.location.line
        let text = try template.render(
            { part in
                try render(Template(parts: [part], raw: "", location: capture.location), false)
            }, transform: JSONPath.escape)
        path = try JSONPath(parsing: text)
    }

    /// What the capture found: its value, or the failure that says why there is none.
    enum Outcome {
        case value(String)
        case failure(MatcherFailure)
    }

    /// The captured value, or the failure that says why there is none.
    func value(in document: Result<JSONValue, JSONSyntaxError>) -> Outcome {
        let reason: String
        switch document {
        case .failure(let error):
            reason = "not JSON: \(error.description)"
        case .success(let root):
            switch path.lookup(in: root) {
            case .found(let value): return .value(value.text)
            case .missing(let why): reason = why
            }
        }
        return .failure(MatcherFailure(matcher: "capture \(name)", expected: path.text, message: reason, sourceLine: sourceLine))
    }
}
