/// Describes one process to run: what, where, with what environment, input and limits.
public struct ProcessSpec: Sendable {
    /// An absolute path, a path relative to `workingDirectory`, or a name looked up on `environment["PATH"]`.
    public var executable: String
    /// The arguments after `argv[0]` (which is `executable` as given).
    public var arguments: [String]
    /// The complete environment of the child: nothing of the runner's own environment leaks in.
    public var environment: [String: String]
    /// The directory the child starts in; it must exist.
    public var workingDirectory: String
    /// What the child reads on its standard input.
    public var standardInput: StandardInput
    /// Runs the child under a new pseudo-terminal (80x24, echo off) as its controlling terminal;
    /// then all its output arrives as `stdout`.
    public var terminal: Bool
    /// How long the main process may run before its group is terminated; nil for no limit.
    public var timeout: Duration?
    /// Under a terminal only: a descriptor (non-blocking, owned by the caller) whose bytes are
    /// copied to the terminal as they arrive, after the `standardInput` text: what a person types.
    /// Nil (the default) for none.
    public var terminalInput: Int32?
    /// How long a terminated group has after SIGTERM before it gets SIGKILL.
    public var killGrace: Duration
    /// How long output is still read once the group is gone (or was killed) while a process that
    /// left the group (for example with `setsid`) keeps a pipe open.
    public var drainTimeout: Duration
    /// When the consumer asks to stop (a ready line), keep the process running instead of
    /// terminating it: the run is then "held" until `RunningProcess.stop()` (see `ProcessRunner.start`).
    /// The timeout no longer applies once held.
    public var holdsOnConsumerStop = false
    /// How long a process stopped with `RunningProcess.stop()` has after SIGINT before SIGTERM
    /// (then SIGKILL after `killGrace`): what a person pressing Ctrl-C and waiting would give it.
    public var stopGrace: Duration = .seconds(15)
    /// Puts standard output and standard error on one pipe, so that their lines arrive in the order
    /// the program wrote them; every line is then reported as `stdout`.
    public var mergesStreams = false

    /// Creates a spec; the defaults give `/dev/null` input, pipes, no timeout and a 5 s kill grace.
    public init(
        executable: String,
        arguments: [String] = [],
        environment: [String: String],
        workingDirectory: String,
        standardInput: StandardInput = .null,
        terminal: Bool = false,
        timeout: Duration? = nil,
        killGrace: Duration = .seconds(5),
        drainTimeout: Duration = .seconds(2)
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.standardInput = standardInput
        self.terminal = terminal
        self.timeout = timeout
        self.killGrace = killGrace
        self.drainTimeout = drainTimeout
    }
}
