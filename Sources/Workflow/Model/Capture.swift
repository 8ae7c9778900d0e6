/// `capture: { NAME: { from: stdout, regex: RE } }`: a value taken from the first matching line.
public struct Capture: Sendable, Hashable {
    /// The capture's name, usable as `${NAME}` in later steps.
    public var name: String
    /// The stream read.
    public var stream: StreamSelector
    /// The regex; its group named NAME, else its first group, is taken.
    public var regex: Template
    /// Where the name is written.
    public var location: SourceLocation
    /// True for values named by a `(?<name>…)` group of a `matches` matcher rather than a `capture:` entry.
    public var fromMatcher: Bool

    /// Creates a capture.
    public init(name: String, stream: StreamSelector, regex: Template, location: SourceLocation, fromMatcher: Bool = false) {
        self.name = name
        self.stream = stream
        self.regex = regex
        self.location = location
        self.fromMatcher = fromMatcher
    }
}
