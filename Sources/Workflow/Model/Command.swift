/// What a step, probe or cleanup item runs: a command key and its words (or script).
public struct Command: Sendable, Hashable {
    /// Which program family runs it.
    public var key: CommandKey
    /// The argument words (docker, nvidia-docker: after the binary; exec: the program first). Empty for `sh`.
    public var words: [Template]
    /// The script of an `sh:` command, never substituted.
    public var script: String?
    /// True when the words came from a single string split by shell rules (not a YAML list).
    public var splitFromString: Bool
    /// Where the command key is.
    public var location: SourceLocation

    /// Creates a command.
    public init(key: CommandKey, words: [Template], script: String? = nil, splitFromString: Bool = false, location: SourceLocation) {
        self.key = key
        self.words = words
        self.script = script
        self.splitFromString = splitFromString
        self.location = location
    }

    /// The words as written, for listings: `${…}` left in place.
    public var displayText: String {
        if let script { return script }
        return words.map { ShellQuoting.quote($0.raw) }.joined(separator: " ")
    }
}
