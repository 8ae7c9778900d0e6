/// What loading a runbook produced: the model when valid, and every diagnostic either way.
public struct RunbookLoadResult: Sendable {
    /// The runbook, nil when any error was found.
    public var runbook: Runbook?
    /// Errors and warnings, sorted by position.
    public var diagnostics: [Diagnostic]
    /// The file's text, for printing diagnostics.
    public var source: SourceFile
}
