/// What `OutputEvaluator` concluded about one run of a step.
public struct EvaluationResult: Codable, Sendable, Hashable {
    /// True when every matcher, capture, value check and the exit status held.
    public var passed: Bool
    /// Every check that did not hold, in the order: matchers as written, captures, values, exit.
    public var failures: [MatcherFailure]
    /// Values captured by this run: `capture:` entries and `(?<name>…)` groups of matchers.
    public var captured: [String: String]
    /// True when `finish_on_match` ended the step early.
    public var finishedOnMatch: Bool
    /// First and last part of each stream.
    public var excerpts: OutputExcerpts

    /// Creates a result.
    public init(passed: Bool, failures: [MatcherFailure], captured: [String: String], finishedOnMatch: Bool, excerpts: OutputExcerpts) {
        self.passed = passed
        self.failures = failures
        self.captured = captured
        self.finishedOnMatch = finishedOnMatch
        self.excerpts = excerpts
    }
}
