/// Tells how a run ended: the main process's termination, or why it never started, and what stopped it.
public struct ProcessOutcome: Sendable, Equatable {
    /// How the main process ended.
    public enum Termination: Sendable, Equatable {
        /// It exited with this status.
        case exited(Int32)
        /// It was killed by this signal.
        case signaled(Int32)

        /// Decodes a `waitpid` status (`WIFEXITED`, `WEXITSTATUS`, `WTERMSIG` are macros Swift
        /// cannot import); only exit and signal statuses reach it.
        init(waitStatus status: Int32) {
            let signal = status & 0x7f
            self = signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
        }
    }

    /// How the main process ended; nil when it never started (see `launchFailure`, `interrupted`).
    public var termination: Termination?
    /// Why the process could not be started, e.g. "git: executable not found on PATH".
    public var launchFailure: String?
    /// The timeout passed while the main process ran, and the group was terminated.
    public var timedOut: Bool
    /// The consumer asked to stop while the main process ran (and before any timeout or
    /// interruption), and the group was terminated.
    public var stoppedByConsumer: Bool
    /// The calling task was cancelled while the run was in progress (or before it started).
    public var interrupted: Bool
    /// From just before the spawn until the run returned (output drained, group gone).
    public var duration: Duration
    /// The main process's id, which is also its process group's id; nil when it never started.
    public var pid: Int32?

    /// Creates an outcome; every field defaults to "nothing happened".
    public init(
        termination: Termination? = nil,
        launchFailure: String? = nil,
        timedOut: Bool = false,
        stoppedByConsumer: Bool = false,
        interrupted: Bool = false,
        duration: Duration = .zero,
        pid: Int32? = nil
    ) {
        self.termination = termination
        self.launchFailure = launchFailure
        self.timedOut = timedOut
        self.stoppedByConsumer = stoppedByConsumer
        self.interrupted = interrupted
        self.duration = duration
        self.pid = pid
    }
}
