/// What a step, probe or cleanup item runs: the kind's key and what its value says.
///
/// Every kind fills the parts it needs: command-line words, an `sh:` script, named
/// options for kinds written as maps (an `http:` request's `url`, `method`, `body`…).
public struct Command: Sendable, Hashable {
    /// The key that names the kind (`exec`, `sh`, or one registered by another target).
    public var key: String
    /// The backend family the kind needs for each learner, nil for none.
    public var backend: String?
    /// The argument words (for `exec:` the program first). Empty for kinds without words.
    public var words: [Template]
    /// Text taken as written and never substituted (an `sh:` script).
    public var script: String?
    /// Named values of kinds written as maps, in the order written.
    public var options: [CommandOption]
    /// True when the words came from a single string split by shell rules (not a YAML list).
    public var splitFromString: Bool
    /// Where the command key is.
    public var location: SourceLocation

    /// Creates a command.
    public init(
        key: String, backend: String? = nil, words: [Template] = [], script: String? = nil, options: [CommandOption] = [],
        splitFromString: Bool = false, location: SourceLocation
    ) {
        self.key = key
        self.backend = backend
        self.words = words
        self.script = script
        self.options = options
        self.splitFromString = splitFromString
        self.location = location
    }

    /// Every substituted part: the words, then the options' values.
    public var templates: [Template] { words + options.map(\.value) }

    /// The value of the option `name`, if given.
    public func option(_ name: String) -> Template? { options.first { $0.name == name }?.value }

    /// The command as written, for listings: `${…}` left in place.
    public var displayText: String {
        if let script { return script }
        if !options.isEmpty && words.isEmpty {
            return options.map { "\($0.name)=\(ShellQuoting.quote($0.value.raw))" }.joined(separator: " ")
        }
        return words.map { ShellQuoting.quote($0.raw) }.joined(separator: " ")
    }
}
