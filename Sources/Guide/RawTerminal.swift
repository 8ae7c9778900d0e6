import Foundation

/// The learner's terminal in key-at-a-time mode (no line buffering, no echo; Ctrl-C still signals),
/// restored on every way out: `restore()`, normal exit (`atexit`), and the signal paths that call
/// `restore()` before `_exit`.
public final class RawTerminal: Sendable {
    /// The settings found at the start, for `atexit`, which cannot capture context.
    nonisolated(unsafe) private static var saved: termios?
    /// The descriptor of the terminal (standard input).
    public let descriptor: Int32

    /// Why the terminal cannot be switched.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        public var description: String
    }

    /// Switches `descriptor` to key-at-a-time mode.
    public init(descriptor: Int32 = 0) throws(Failure) {
        self.descriptor = descriptor
        var original = termios()
        guard tcgetattr(descriptor, &original) == 0 else {
            throw Failure(description: "cannot read the terminal's settings: \(String(cString: strerror(errno)))")
        }
        Self.saved = original
        atexit { RawTerminal.restoreSaved() }
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(descriptor, TCSAFLUSH, &raw) == 0 else {
            throw Failure(description: "cannot switch the terminal to key mode: \(String(cString: strerror(errno)))")
        }
    }

    /// Puts the original settings back (safe to call more than once, and from a signal path).
    public func restore() {
        Self.restoreSaved()
    }

    /// Drops whatever was typed and not read yet (keys pressed while a step ran).
    public func discardTypedAhead() {
        tcflush(descriptor, TCIFLUSH)
    }

    private static func restoreSaved() {
        guard var original = saved else { return }
        _ = tcsetattr(0, TCSANOW, &original)
    }
}
