/// How a kind drafts its own commands from what a person typed (`runbook import` reads them from
/// a tutorial, a recorder from a shell session): the hook `CommandKind.drafter` hands it out.
/// Authoring asks the drafter of a line's program, and makes an `sh:` step of anything else.
public protocol CommandDrafter: Sendable {
    /// The drafter's name, as remarks name what it does not draft ("not a NAME command").
    var name: String { get }
    /// The programs whose command lines it drafts.
    var programs: [String] { get }
    /// Environment variables that the programs read, which a drafted command keeps as `${env.NAME}`.
    var environmentNames: Set<String> { get }
    /// Flags after which an upper-case word names a variable rather than standing for one (`-e NAME`).
    var flagsNamingVariables: Set<String> { get }
    /// Flags whose upper-case values are the program's own words (`--cap-add ALL`), never placeholders.
    var flagsWithLiteralValues: Set<String> { get }
    /// Whether `words` (one of `programs` first) only name a command in running text, without what
    /// it acts on (a removal naming nothing to remove): a mention, not a step.
    func isMentionOnly(_ words: [String]) -> Bool
    /// Whether a command line (`words`, one of `programs` first) opens an interactive shell whose
    /// prompt the text then types at: those commands become the step's `stdin:`.
    func opensShell(_ words: [String]) -> Bool
    /// The draft of a command line whose first word is one of `programs`.
    func draft(_ typed: TypedCommand) -> DraftOutcome
    /// Once every command is drafted: reworks the drafter's own commands across steps, given what
    /// each printed (`outputs[i]` is `commands[i]`'s), and returns the texts of the outputs that
    /// stand for templates now.
    func settle(_ commands: inout [DraftedCommand], outputs: [[String]]) -> [OutputStandIn]
    /// The verify probes for the state a command that really ran left (a recorded session),
    /// given its exit status; a recorder asks once the draft's commands are settled.
    func probes(for command: DraftedCommand, exitStatus: Int32) -> [DraftedProbe]
    /// Where a command line of its programs (`words`, the program first) holds secrets, which a
    /// recorder never writes.
    func secrets(in words: [String]) -> DraftedSecrets
}

extension CommandDrafter {
    /// By default, no environment variable of its own.
    public var environmentNames: Set<String> { [] }
    /// By default, no flag names a variable.
    public var flagsNamingVariables: Set<String> { [] }
    /// By default, every upper-case value may be a placeholder.
    public var flagsWithLiteralValues: Set<String> { [] }
    /// By default no command opens a shell.
    public func opensShell(_ words: [String]) -> Bool { false }
    /// By default every mention is a command.
    public func isMentionOnly(_ words: [String]) -> Bool { false }
    /// By default nothing to rework.
    public func settle(_ commands: inout [DraftedCommand], outputs: [[String]]) -> [OutputStandIn] { [] }
    /// By default no probe.
    public func probes(for command: DraftedCommand, exitStatus: Int32) -> [DraftedProbe] { [] }
    /// By default no secret.
    public func secrets(in words: [String]) -> DraftedSecrets { DraftedSecrets() }
}
