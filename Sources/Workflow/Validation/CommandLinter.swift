/// Static checks for one command key, supplied by the target that knows the program (Steps for docker).
public protocol CommandLinter: Sendable {
    /// The key whose commands this checks.
    var key: CommandKey { get }
    /// Problems with `command`, positioned in the runbook.
    func lint(_ command: Command, context: LintContext) -> [Diagnostic]
}
