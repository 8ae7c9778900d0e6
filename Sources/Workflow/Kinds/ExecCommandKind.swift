/// `exec: [PROG, ARG…]`: runs the program with exactly these arguments.
public struct ExecCommandKind: CommandKind {
    public let key = "exec"

    /// Creates the kind.
    public init() {}

    public func decode(_ value: Node, at location: SourceLocation, reader: inout NodeReader) -> Command? {
        guard let items = value.sequenceItems else {
            reader.error("exec takes a list [PROGRAM, ARG…]; for a command line use `sh:`", at: value.location)
            return nil
        }
        if items.isEmpty { reader.error("exec needs at least the program to run", at: value.location) }
        let words = items.compactMap { reader.template($0, "an exec argument") }
        return words.count == items.count ? Command(key: key, words: words, location: location) : nil
    }

    public func prepare(_ command: ResolvedCommand, context: CommandContext) -> Result<PreparedCommand, CommandProblem> {
        guard let program = command.words.first, !program.isEmpty else {
            return .failure(CommandProblem("exec: the program name is empty"))
        }
        return .success(
            PreparedCommand(executable: program, arguments: Array(command.words.dropFirst()), display: command.words, binary: program))
    }
}
