/// Results that could not be kept whole: what could not be written, and what the journal holds.
public struct RecordingError: Error, Sendable, CustomStringConvertible {
    /// The problem in one line, for the terminal.
    public var message: String

    /// Creates the error.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
