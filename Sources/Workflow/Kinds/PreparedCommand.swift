/// What a kind hands the runner: the process to start (or the work to do in-process), and how to
/// show and record it.
public struct PreparedCommand: Sendable {
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
    /// Work done in the runner's process instead of starting `executable` (then `argv` is what the record shows).
    public var action: (any CommandAction)?
    /// Whether the command creates something marked with the run's labels, which the backend's
    /// sweeps remove (a run that created nothing is not swept).
    public var createsResources = false
    /// Whether what it creates is gone again once it ends normally (a container run in the
    /// foreground with --rm): then it counts as having created something only when it did not (a timeout,
    /// an interrupt, a signal, stopped on a match, or an exit status of 125 or more).
    public var removesItsResources = false
    /// Environment variables the kind adds for this command (over the step's), e.g. a Compose
    /// project name of the learner's own.
    public var environment: [String: String] = [:]
    /// Groups the objects it creates belong to (e.g. a Compose project), which the backend's sweep
    /// of the run (`SweepScope.run`) removes too.
    public var groups: [String] = []
    /// Recognises, in the output of a run that did not pass, a fault of the environment rather than
    /// of the learner (e.g. a GPU driver too old for the image): returns the explanation, and the
    /// step is then `error` with it. Nil (the default) recognises nothing.
    public var environmentFault: (@Sendable (_ output: String) -> String?)?

    /// Creates a prepared command.
    public init(executable: String, arguments: [String], display: [String], binary: String, note: String? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.display = display
        self.binary = binary
        self.note = note
    }

    /// Work done in-process, recorded as `record` (e.g. `["GET", url]`) and shown as `display`.
    public init(action: any CommandAction, record: [String], display: [String], binary: String, note: String? = nil) {
        self.init(executable: record.first ?? binary, arguments: Array(record.dropFirst()), display: display, binary: binary, note: note)
        self.action = action
    }

    /// The argv as it runs: the program, then its arguments.
    public var argv: [String] { [executable] + arguments }
}
