import Text

/// One kind of command that a runbook names by its key (`exec:`, `sh:`, and those that other
/// targets register): how its value is read, checked and turned into what runs.
///
/// Workflow knows kinds only through this protocol and `KindRegistry`; a new kind is its own
/// file(s) plus one registration line.
public protocol CommandKind: Sendable {
    /// The key that names the kind in a step, probe or cleanup item.
    var key: String { get }
    /// The backend family the kind needs for each learner (preflight, environment, sweeps), nil for none.
    var backend: String? { get }
    /// The `expect:` checks beyond the streams and values that make sense for the kind.
    var checks: Set<ExpectationCheck> { get }
    /// Whether every var, capture and built-in is exported to the command as an environment variable (`sh:`).
    var exportsVariables: Bool { get }
    /// The JSON Schema of the key's value, for editors (`runbook schema`); see `CommandKind+Schema` for the default.
    var valueSchema: JSONValue { get }
    /// Reads the key's value, recording every problem on `reader` at its position; nil when unusable.
    func decode(_ value: Node, at location: SourceLocation, reader: inout NodeReader) -> Command?
    /// Static problems of a decoded command (SPEC 1.5), positioned in the runbook.
    func lint(_ command: Command, context: LintContext) -> [Diagnostic]
    /// Turns the substituted command into what runs, or says why it cannot run (status `error`).
    func prepare(_ command: ResolvedCommand, context: CommandContext) -> Result<PreparedCommand, CommandProblem>
    /// The command as a person would type it (guide, docs): without what the runner adds.
    func display(_ command: ResolvedCommand, context: CommandContext) -> [String]
    /// What the command needs that does not exist (e.g. "container web does not exist"), so that
    /// `check` does not wait for it with `retry: { for }` (SPEC 6.11); nil when nothing is missing
    /// or the kind cannot tell.
    func missingPrerequisite(_ command: ResolvedCommand, context: CommandContext) async -> String?
    /// How the kind drafts its commands from what a person typed (`runbook import`), nil when it does not.
    var drafter: (any CommandDrafter)? { get }
}

extension CommandKind {
    /// By default a kind needs no backend.
    public var backend: String? { nil }
    /// By default a kind runs a process and is judged by its exit status.
    public var checks: Set<ExpectationCheck> { [.exit] }
    /// By default a command sees only the environment, not the vars.
    public var exportsVariables: Bool { false }
    /// By default nothing is missing.
    public func missingPrerequisite(_ command: ResolvedCommand, context: CommandContext) async -> String? { nil }
    /// By default a kind drafts nothing: what a person typed becomes an `sh:` step.
    public var drafter: (any CommandDrafter)? { nil }
    /// By default a kind has no static checks of its own.
    public func lint(_ command: Command, context: LintContext) -> [Diagnostic] { [] }
    /// By default what `prepare` says a person types, or the key and the words when it cannot prepare.
    public func display(_ command: ResolvedCommand, context: CommandContext) -> [String] {
        (try? prepare(command, context: context).get())?.display ?? [key] + command.words
    }
}
