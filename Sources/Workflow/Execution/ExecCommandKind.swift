/// `exec: [PROG, ARG…]`: runs the program with exactly these arguments.
public struct ExecCommandKind: CommandKind {
    public let key = CommandKey.exec

    /// Creates the kind.
    public init() {}

    public func lint(_ command: Command, context: LintContext) -> [Diagnostic] { [] }

    public func prepare(words: [String], script: String?, context: CommandContext) -> Result<PreparedCommand, CommandProblem> {
        guard let program = words.first, !program.isEmpty else { return .failure(CommandProblem("exec: the program name is empty")) }
        return .success(PreparedCommand(executable: program, arguments: Array(words.dropFirst()), display: words, binary: program))
    }
}
