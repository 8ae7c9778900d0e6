/// One check of a step that did not hold, with what it expected and the output that shows why.
public struct MatcherFailure: Codable, Sendable, Hashable {
    /// What failed: `stdout: contains`, `output: lines`, `capture accuracy`, `values accuracy`, `exit`.
    public var matcher: String
    /// The expected value as substituted: the text, the regex, `>= 0.8`, `0`…
    public var expected: String
    /// One sentence saying what went wrong, lower case and without a final period, written to
    /// follow the matcher: "\(matcher): \(message)" reads "exit: expected 0, got 2",
    /// "capture host: no line matched (…)", "stdout: contains: no line of stdout contains \"x\"".
    public var message: String
    /// The relevant lines of output (the offending line, the last lines, the diverging lines…).
    public var lines: [NumberedLine]
    /// The runbook line the matcher is written on, when known.
    public var sourceLine: Int?
    /// The matcher's `why:` (substituted, redacted): the learner's explanation, which people see in
    /// place of `message` (kept for `--verbose` and results.json; SPEC 11.1).
    public var why: String?

    /// Creates a failure.
    public init(
        matcher: String, expected: String, message: String, lines: [NumberedLine] = [], sourceLine: Int? = nil, why: String? = nil
    ) {
        self.matcher = matcher
        self.expected = expected
        self.message = message
        self.lines = lines
        self.sourceLine = sourceLine
        self.why = why
    }

    /// What a person reads about this failure: the `why`, else `matcher: message`.
    public var shownText: String {
        why ?? "\(matcher): \(message)"
    }
}
