/// A matcher applied to one stream, with the position it was written at.
public struct StreamExpectation: Sendable, Hashable {
    /// The stream it reads.
    public var stream: StreamSelector
    /// The check.
    public var matcher: Matcher
    /// Where the matcher's key is.
    public var location: SourceLocation

    /// Creates a stream expectation.
    public init(stream: StreamSelector, matcher: Matcher, location: SourceLocation) {
        self.stream = stream
        self.matcher = matcher
        self.location = location
    }
}
