import Workflow

/// Why a command ends without doing its job, typed: positioned problems of an input file, problems
/// without a place, and the exit status (SPEC 3). Commands throw it; `RunbookCommand.main()`
/// prints it once (`rendered`) and exits with `status`.
public struct CommandFailure: Error, Sendable {
    /// Problems at a place in a file: `FILE:LINE:COL: error: MESSAGE`, the source line, a caret.
    public var diagnostics: [Diagnostic] = []
    /// The files the diagnostics quote their lines from.
    public var sources: [SourceFile] = []
    /// Problems without a place: `runbook: error: MESSAGE`, after the diagnostics.
    public var messages: [String] = []
    /// The exit status.
    public var status: Int32
    /// Whether the diagnostics are coloured (standard error is a terminal and colour is allowed).
    public var colored = false

    /// A failure with these problems and status.
    public init(diagnostics: [Diagnostic] = [], sources: [SourceFile] = [], messages: [String] = [], status: Int32, colored: Bool = false) {
        self.diagnostics = diagnostics
        self.sources = sources
        self.messages = messages
        self.status = status
        self.colored = colored
    }

    /// A problem with the arguments or an input: `runbook: error: MESSAGE`, exit status 2.
    public static func usage(_ message: String) -> CommandFailure {
        CommandFailure(messages: [message], status: 2)
    }

    /// A problem at a place (a file's, or `--var:1:2`), exit status 2; without a place, `usage`.
    public static func located(_ location: SourceLocation?, _ message: String) -> CommandFailure {
        guard let location else { return usage(message) }
        return CommandFailure(diagnostics: [.error(message, at: location)], status: 2)
    }

    /// Positioned diagnostics of a file (a roster, a var file), exit status 2.
    public static func diagnostics(_ diagnostics: [Diagnostic], sources: [SourceFile] = [], colored: Bool) -> CommandFailure {
        CommandFailure(diagnostics: diagnostics, sources: sources, status: 2, colored: colored)
    }

    /// An exit status whose reasons were already shown (1 a step failed, 130 interrupted).
    public static func status(_ status: Int32) -> CommandFailure {
        CommandFailure(status: status)
    }

    /// Results that could not be kept whole: the reason, exit status 1.
    public static func recording(_ error: RecordingError) -> CommandFailure {
        CommandFailure(messages: [error.message], status: 1)
    }

    /// What standard error shows: the diagnostics with their source lines and carets, then one
    /// `runbook: error: MESSAGE` line per message (control characters made visible).
    public var rendered: String {
        let printed = diagnostics.isEmpty ? "" : DiagnosticPrinter(sources: sources, colored: colored).render(diagnostics)
        return printed + messages.map { Self.line(.error, $0) }.joined()
    }

    /// `runbook: SEVERITY: MESSAGE` and a newline: the one shape of a problem without a place.
    public static func line(_ severity: Severity, _ message: String) -> String {
        "runbook: \(severity.rawValue): \(ControlCharacters.visible(message, keepLineFeeds: true))\n"
    }
}
