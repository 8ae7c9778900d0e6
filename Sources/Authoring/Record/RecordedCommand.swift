/// One command of a recorded shell session: what was typed at the prompt, where, what it printed
/// and how it ended.
public struct RecordedCommand: Sendable, Hashable, Codable {
    /// Its number in the recording (1, 2, …).
    public var number: Int
    /// The command line as the shell read it.
    public var text: String
    /// The shell's working folder when it started, if the hooks said.
    public var cwd: String?
    /// What the terminal showed of its output (`TerminalText.lines`).
    public var output: [String]
    /// Its exit status (nil when the shell did not say).
    public var exitStatus: Int32?
    /// Lines the person typed while it ran (its standard input, a password, keys of an editor).
    public var typed: [String]
    /// Whether it drew a live display (moved the cursor up: progress bars), whose lines differ
    /// when it runs without a terminal.
    public var drewProgress = false

    /// A recorded command.
    public init(number: Int, text: String, cwd: String? = nil, output: [String] = [], exitStatus: Int32? = 0, typed: [String] = []) {
        self.number = number
        self.text = text
        self.cwd = cwd
        self.output = output
        self.exitStatus = exitStatus
        self.typed = typed
    }
}
