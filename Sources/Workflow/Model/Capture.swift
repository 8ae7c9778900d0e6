/// `capture: { NAME: { from: stdout, regex: RE } }`: a value taken from the first matching line;
/// or `{ from: stdout, json: PATH }`: the text of the value at a path of the stream's JSON document.
public struct Capture: Sendable, Hashable {
    /// The capture's name, usable as `${NAME}` in later steps.
    public var name: String
    /// The stream read.
    public var stream: StreamSelector
    /// The regex; its group named NAME, else its first group, is taken (empty for a JSON capture).
    public var regex: Template
    /// For a JSON capture: the path whose value's text is taken.
    public var jsonPath: Template?
    /// Where the name is written.
    public var location: SourceLocation
    /// True for values named by a `(?<name>…)` group of a `matches` matcher rather than a `capture:` entry.
    public var fromMatcher: Bool

    /// Creates a capture.
    public init(
        name: String, stream: StreamSelector, regex: Template, jsonPath: Template? = nil, location: SourceLocation,
        fromMatcher: Bool = false
    ) {
        self.name = name
        self.stream = stream
        self.regex = regex
        self.jsonPath = jsonPath
        self.location = location
        self.fromMatcher = fromMatcher
    }
}
