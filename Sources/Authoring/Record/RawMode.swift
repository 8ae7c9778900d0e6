#if canImport(Glibc)
    import Glibc
#endif

/// The real terminal (standard input) in raw mode while a recorded shell owns the keys: every
/// byte, Ctrl-C and Ctrl-D included, goes to the shell's own terminal, which does the echo and
/// the signals. Nothing happens when standard input is not a terminal.
struct RawMode {
    private let saved: termios?

    /// Switches standard input to raw mode, if it is a terminal.
    init() {
        var original = termios()
        guard isatty(0) != 0, tcgetattr(0, &original) == 0 else {
            saved = nil
            return
        }
        saved = original
        var raw = original
        cfmakeraw(&raw)
        _ = tcsetattr(0, TCSAFLUSH, &raw)
    }

    /// Puts the settings found at the start back.
    func restore() {
        guard var original = saved else { return }
        _ = tcsetattr(0, TCSAFLUSH, &original)
    }
}
