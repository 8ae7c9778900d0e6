import Foundation

/// Writes text to stdout or stderr without buffering surprises.
public enum StandardStreams {
    /// Writes `text` to standard output.
    public static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `text` to standard error.
    public static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
