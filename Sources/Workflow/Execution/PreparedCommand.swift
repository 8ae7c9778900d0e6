/// A process ready to start: the program, its arguments, and how to show it to a person.
public struct PreparedCommand: Sendable, Hashable {
    /// The program: a name resolved on PATH, or a path.
    public var executable: String
    /// The arguments after the program.
    public var arguments: [String]
    /// The command as a person would type it: without the flags the runner adds.
    public var display: [String]
    /// Which binary family actually ran (e.g. `docker` for an nvidia-docker step rewritten to `--gpus all`).
    public var binary: String
    /// A remark for the report, e.g. why nvidia-docker became docker.
    public var note: String?

    /// Creates a prepared command.
    public init(executable: String, arguments: [String], display: [String], binary: String, note: String? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.display = display
        self.binary = binary
        self.note = note
    }
}
