/// The checks of one step run that need a stream whole (`json` matchers, JSON captures): the raw
/// output of the streams they read, each parsed once at the end.
final class WholeStreamChecks: @unchecked Sendable {
    private let checks: [JSONCheck]
    private let captures: [JSONCapture]
    private let stdout: JSONStreamCollector?
    private let stderr: JSONStreamCollector?
    private let output: JSONStreamCollector?

    /// Whether a stream expectation is judged here rather than line by line.
    static func handles(_ expectation: StreamExpectation) -> Bool {
        if case .json = expectation.matcher { return true }
        return false
    }

    /// The whole-stream checks of `expect` and `captures`, substituted by `render`.
    init(expect: Expectation, captures: [Capture], render: (Template, Bool) throws -> String) throws {
        checks = try expect.streams.compactMap { expectation in
            guard case .json(let json) = expectation.matcher else { return nil }
            return try JSONCheck(expectation, json: json, render: render)
        }
        self.captures = try captures.compactMap { capture in
            guard let path = capture.jsonPath else { return nil }
            return try JSONCapture(capture, path: path, render: render)
        }
        let streams = Set(checks.map(\.stream) + self.captures.map(\.stream))
        stdout = streams.contains(.stdout) ? JSONStreamCollector() : nil
        stderr = streams.contains(.stderr) ? JSONStreamCollector() : nil
        output = streams.contains(.output) ? JSONStreamCollector() : nil
    }

    /// Whether any stream is kept.
    var isNeeded: Bool { stdout != nil || stderr != nil || output != nil }

    /// Keeps a chunk of `stream`.
    func append(_ chunk: UnsafeRawBufferPointer, stream: OutputStreamKind) {
        (stream == .stdout ? stdout : stderr)?.append(chunk)
        output?.append(chunk)
    }

    /// The failures and the values captured.
    func finish() -> (failures: [MatcherFailure], captured: [String: String]) {
        var failures: [MatcherFailure] = []
        var captured: [String: String] = [:]
        for check in checks {
            if let collector = collector(check.stream), let failure = check.failure(document: collector.document) {
                failures.append(failure)
            }
        }
        for capture in captures {
            guard let collector = collector(capture.stream) else { continue }
            switch capture.value(in: collector.document) {
            case .value(let value): captured[capture.name] = value
            case .failure(let failure): failures.append(failure)
            }
        }
        return (failures, captured)
    }

    private func collector(_ stream: StreamSelector) -> JSONStreamCollector? {
        switch stream {
        case .stdout: stdout
        case .stderr: stderr
        case .output: output
        }
    }
}
