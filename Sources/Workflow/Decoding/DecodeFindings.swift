/// What decoding noticed that only the whole runbook can judge: handed to the validator.
public struct DecodeFindings: Sendable {
    /// Every regex seen, with its position, for the compile check.
    var regexes: [(template: Template, location: SourceLocation)] = []
    /// Captures whose regex must have a group: name, regex, position.
    var captureGroupChecks: [(name: String, regex: Template, location: SourceLocation)] = []
    /// The `needs` entries of each step id, with positions.
    var needsByStep: [String: [(need: String, location: SourceLocation)]] = [:]
    /// Words that are exactly one unquoted reference; warned about once vars are known.
    var unquotedWholeWords: [Template] = []
    /// The target of each `stop: ID` step, with its position: it must name an earlier background step.
    var stopTargets: [(target: String, location: SourceLocation)] = []
    /// The line where each step id was first used.
    var idLines: [String: Int] = [:]

    /// Creates empty findings.
    public init() {}
}
