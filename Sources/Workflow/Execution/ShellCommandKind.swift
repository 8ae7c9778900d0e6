/// `sh: SCRIPT`: runs `/bin/sh -c SCRIPT`; the script is never substituted (vars arrive as environment variables).
public struct ShellCommandKind: CommandKind {
    public let key = CommandKey.sh

    /// Creates the kind.
    public init() {}

    public func lint(_ command: Command, context: LintContext) -> [Diagnostic] { [] }

    public func prepare(words: [String], script: String?, context: CommandContext) -> Result<PreparedCommand, CommandProblem> {
        let script = script ?? ""
        return .success(PreparedCommand(executable: "/bin/sh", arguments: ["-c", script], display: ["sh", "-c", script], binary: "sh"))
    }
}
