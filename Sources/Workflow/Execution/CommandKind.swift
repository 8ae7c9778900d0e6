/// How the engine runs the commands of one key; Workflow provides `exec` and `sh`, Steps the docker kinds.
public protocol CommandKind: CommandLinter {
    /// The process for a command whose words are already substituted (`script` for `sh:`), or why it cannot run.
    func prepare(words: [String], script: String?, context: CommandContext) -> Result<PreparedCommand, CommandProblem>
}
