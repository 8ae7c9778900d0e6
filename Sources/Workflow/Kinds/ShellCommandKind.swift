/// `sh: SCRIPT`: runs `/bin/sh -c SCRIPT`; the script is never substituted (vars arrive as environment variables).
public struct ShellCommandKind: CommandKind {
    public let key = "sh"
    /// Every var, capture and built-in is an environment variable of the script.
    public let exportsVariables = true

    /// Creates the kind.
    public init() {}

    public func decode(_ value: Node, at location: SourceLocation, reader: inout NodeReader) -> Command? {
        guard let script = reader.text(value, "sh") else { return nil }
        return Command(key: key, script: script, location: location)
    }

    public func prepare(_ command: ResolvedCommand, context: CommandContext) -> Result<PreparedCommand, CommandProblem> {
        let script = command.script ?? ""
        return .success(PreparedCommand(executable: "/bin/sh", arguments: ["-c", script], display: ["sh", "-c", script], binary: "sh"))
    }
}
