/// One command the instructor ran in `runbook record --share` (SPEC 11.2), as the board keeps it
/// and hands it to the guides: bounded like every stored text (SPEC 7.1).
public struct InstructorEntry: Codable, Sendable, Hashable {
    /// How many lines of output are kept.
    public static let outputLines = 20
    /// How many characters of the command and of each line are kept.
    public static let lineLength = 256

    /// Its number on this board (1, 2, …).
    public var seq: Int
    /// The command line (cut to 256 characters).
    public var command: String
    /// How it ended, when the shell said.
    public var exitStatus: Int32?
    /// Its first lines of output (at most 20, each cut to 256 characters).
    public var output: [String]

    /// An entry, cut to the bounds.
    public init(seq: Int, command: String, exitStatus: Int32?, output: [String]) {
        self.seq = seq
        self.command = Self.cut(command)
        self.exitStatus = exitStatus
        self.output = output.prefix(Self.outputLines).map(Self.cut)
    }

    private static func cut(_ text: String) -> String {
        text.count > lineLength ? String(text.prefix(lineLength - 1)) + "…" : text
    }
}
