/// A matcher applied to one stream, with the position it was written at.
public struct StreamExpectation: Sendable, Hashable {
    /// The stream it reads.
    public var stream: StreamSelector
    /// The check.
    public var matcher: Matcher
    /// Where the matcher's key is.
    public var location: SourceLocation
    /// `why:` beside the matcher: the learner's explanation, shown in place of the matcher's own words when it fails.
    public var why: Template?

    /// Creates a stream expectation.
    public init(stream: StreamSelector, matcher: Matcher, location: SourceLocation, why: Template? = nil) {
        self.stream = stream
        self.matcher = matcher
        self.location = location
        self.why = why
    }
}
