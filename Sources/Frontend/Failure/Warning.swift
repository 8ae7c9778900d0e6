import Workflow

/// A problem that does not stop the command: printed at once on standard error as
/// `runbook: warning: MESSAGE`, the shape of `CommandFailure`'s errors.
public enum Warning {
    /// Prints `message` as a warning.
    public static func print(_ message: String) {
        StandardStreams.err(CommandFailure.line(.warning, message))
    }
}
