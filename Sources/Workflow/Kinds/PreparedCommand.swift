/// What a kind hands the runner: the process to start, and how to show and record it.
public struct PreparedCommand: Sendable, Hashable {
    /// The program: a name resolved on PATH, or a path.
    public var executable: String
    /// The arguments after the program.
    public var arguments: [String]
    /// The command as a person would type it: without what the runner adds (labels).
    public var display: [String]
    /// Which program family actually ran (when one program stands in for another).
    public var binary: String
    /// A remark for the report, e.g. why one program stood in for another.
    public var note: String?

    /// Creates a prepared command.
    public init(executable: String, arguments: [String], display: [String], binary: String, note: String? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.display = display
        self.binary = binary
        self.note = note
    }

    /// The argv as it runs: the program, then its arguments.
    public var argv: [String] { [executable] + arguments }
}
