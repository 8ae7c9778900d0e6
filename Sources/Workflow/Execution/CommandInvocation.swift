/// One command to run and check: a step's main command, a verify probe or a cleanup item.
struct CommandInvocation: Sendable {
    /// What to run.
    var command: Command
    /// What the result must satisfy.
    var expect: Expectation
    /// Values to capture (steps only).
    var captures: [Capture] = []
    /// End early once every positive matcher holds.
    var finishOnMatch = false
    /// Text for stdin.
    var stdin: Template?
    /// Working directory.
    var cwd: Template?
    /// Extra environment (defaults first, then the item's own).
    var env: [EnvironmentEntry]
    /// Run under a pseudo-terminal.
    var tty = false
    /// Per-run limit.
    var timeout: Duration
    /// The id used in labels and events (`cleanup` for cleanup items).
    var stepId: String
    /// Whether to mark what the command creates with the run's labels.
    var marksCreations: Bool
    /// Whether Ctrl-C stops it (cleanup items run to the end).
    var interruptible = true
    /// The step's readiness wait at this attempt (steps with `retry: { for }` only).
    var readiness: ReadinessWait?
    /// With `tty`: a descriptor of keys a person types, copied to the terminal (`runbook guide`).
    var terminalInput: Int32?
    /// With `finishOnMatch`: keep the process running once it matched, for the caller to run the
    /// probes and then stop it (or leave it in the background): the outcome holds it.
    var holdsOnMatch = false
    /// How long a held process has after SIGINT when it is stopped.
    var stopGrace: Duration = .seconds(15)
}
