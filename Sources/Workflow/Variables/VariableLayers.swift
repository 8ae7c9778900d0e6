/// The values that override a runbook's var defaults, lowest precedence first (SPEC 1.3):
/// `--var-file`, then the roster learner's vars, then `--var K=V`.
public struct VariableLayers: Sendable {
    /// One overriding value and where it came from.
    public struct Value: Sendable {
        /// The value as written; it may hold `${…}`.
        public var text: String
        /// Where it was written (a file position, or a pseudo-file such as `--var`).
        public var location: SourceLocation

        /// Creates a value.
        public init(text: String, location: SourceLocation) {
            self.text = text
            self.location = location
        }
    }

    /// From `--var-file FILE`.
    public var varFile: [String: Value]
    /// From the roster learner's `vars` (or CSV columns).
    public var roster: [String: Value]
    /// From `--var K=V`.
    public var commandLine: [String: Value]

    /// Creates the layers.
    public init(varFile: [String: Value] = [:], roster: [String: Value] = [:], commandLine: [String: Value] = [:]) {
        self.varFile = varFile
        self.roster = roster
        self.commandLine = commandLine
    }

    /// The winning value for `name`, if any layer sets it.
    public func value(for name: String) -> Value? {
        commandLine[name] ?? roster[name] ?? varFile[name]
    }

    /// Every name set by some layer, with its position, for the "undeclared var" check.
    public var allNames: [(String, SourceLocation)] {
        (varFile.map { ($0.key, $0.value.location) } + roster.map { ($0.key, $0.value.location) }
            + commandLine.map { ($0.key, $0.value.location) })
            .sorted { $0.1 < $1.1 }
    }
}
