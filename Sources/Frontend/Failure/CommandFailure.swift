import Workflow

/// Why a command ends without doing its job: what to print on standard error (once, by
/// `RunbookCommand.main()`), and the exit status (SPEC 3).
public struct CommandFailure: Error {
    /// Printed on standard error as is (nil: everything was shown already).
    public var text: String?
    /// The exit status.
    public var status: Int32

    /// A failure that prints `text` (nil: nothing) and exits with `status`.
    public init(text: String?, status: Int32) {
        self.text = text
        self.status = status
    }

    /// A problem with the arguments or an input: `error: MESSAGE`, exit status 2.
    public static func usage(_ message: String) -> CommandFailure {
        CommandFailure(text: "error: \(ControlCharacters.visible(message))\n", status: 2)
    }

    /// A problem at a place in a file: `FILE:LINE:COL: error: MESSAGE`, exit status 2.
    public static func located(_ location: SourceLocation?, _ message: String) -> CommandFailure {
        CommandFailure(text: "\(location.map { "\($0): " } ?? "")error: \(ControlCharacters.visible(message))\n", status: 2)
    }

    /// Positioned diagnostics of a file (a roster, a var file), exit status 2.
    public static func diagnostics(_ diagnostics: [Diagnostic], sources: [SourceFile] = [], colored: Bool) -> CommandFailure {
        CommandFailure(text: DiagnosticPrinter(sources: sources, colored: colored).render(diagnostics), status: 2)
    }

    /// An exit status whose reasons were already shown (1 a step failed, 130 interrupted).
    public static func status(_ status: Int32) -> CommandFailure {
        CommandFailure(text: nil, status: status)
    }

    /// Results that could not be kept whole: the reason in one line, exit status 1.
    public static func recording(_ error: RecordingError) -> CommandFailure {
        CommandFailure(text: "error: \(ControlCharacters.visible(error.message))\n", status: 1)
    }
}
