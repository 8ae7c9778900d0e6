/// A process started with `ProcessRunner.start`: it runs until it ends by itself, or until the
/// caller stops it as a person would (`stop()`: SIGINT, then SIGTERM, then SIGKILL) or cancels it
/// (`cancel()`: SIGTERM, then SIGKILL, like a timeout). Its output keeps going to its consumer.
public final class RunningProcess: Sendable {
    /// Reaches the supervisor; nil when nothing could be started.
    private let control: RunControl?
    /// The run, ending with its outcome.
    private let task: Task<ProcessOutcome, Never>

    /// A started run.
    init(control: RunControl, task: Task<ProcessOutcome, Never>) {
        self.control = control
        self.task = task
    }

    /// A run that could not start.
    init(failed outcome: ProcessOutcome) {
        control = nil
        task = Task { outcome }
    }

    /// Waits until the consumer asked to stop while the process runs (it is held, still running:
    /// true), or the run ended (false).
    public func waitUntilHeld() async -> Bool {
        guard let control else { return false }
        return await control.waitHeldOrEnded()
    }

    /// Stops the process as a person at its terminal would: SIGINT to its group, SIGTERM after the
    /// spec's `stopGrace`, SIGKILL after its `killGrace`. Returns at once; `outcome` waits for the end.
    public func stop() {
        control?.askStop()
    }

    /// Terminates the process group at once (SIGTERM, SIGKILL after the kill grace); the outcome says `interrupted`.
    public func cancel() {
        control?.cancel()
    }

    /// How the run ended (waits for its end).
    public var outcome: ProcessOutcome {
        get async { await task.value }
    }
}
