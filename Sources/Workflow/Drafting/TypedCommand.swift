/// A command line as a person typed it: in a tutorial's text, or in a recorded shell session with
/// what it printed and how it ended. What a `CommandDrafter` drafts a step from.
public struct TypedCommand: Sendable, Hashable {
    /// The command on one line: prompt removed, continuation lines joined, comment removed.
    public var text: String
    /// Where it was typed: its line in the tutorial, or its number in the recording.
    public var line: Int
    /// What it printed, as shown (a tutorial) or as it came (a recording).
    public var output: [String]
    /// How it ended, when it really ran (a recording); nil for a tutorial's command.
    public var exitStatus: Int32?

    /// A typed command.
    public init(text: String, line: Int, output: [String] = [], exitStatus: Int32? = nil) {
        self.text = text
        self.line = line
        self.output = output
        self.exitStatus = exitStatus
    }
}
