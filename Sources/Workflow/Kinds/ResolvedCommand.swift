/// A command with every `${…}` substituted for one learner, ready for its kind to prepare.
public struct ResolvedCommand: Sendable, Hashable {
    /// The kind's key.
    public var key: String
    /// The substituted words.
    public var words: [String]
    /// The script as written (never substituted).
    public var script: String?
    /// The substituted options, in the order written.
    public var options: [(name: String, value: String)]

    /// Creates a resolved command.
    public init(key: String, words: [String] = [], script: String? = nil, options: [(name: String, value: String)] = []) {
        self.key = key
        self.words = words
        self.script = script
        self.options = options
    }

    /// The value of option `name`, if given.
    public func option(_ name: String) -> String? { options.first { $0.name == name }?.value }

    public static func == (lhs: ResolvedCommand, rhs: ResolvedCommand) -> Bool {
        lhs.key == rhs.key && lhs.words == rhs.words && lhs.script == rhs.script
            && lhs.options.map(\.name) == rhs.options.map(\.name) && lhs.options.map(\.value) == rhs.options.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(words)
        hasher.combine(script)
        for option in options {
            hasher.combine(option.name)
            hasher.combine(option.value)
        }
    }
}
