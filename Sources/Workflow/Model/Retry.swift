/// `retry:`: run a failed or timed-out step again. Either `{ attempts: N, delay: D }` (N runs in
/// total, D between them) or `{ for: W, every: E }` (again every E until it passes or W has
/// elapsed; an attempt that started in time may finish).
public struct Retry: Sendable, Hashable {
    /// Total number of runs, at least 1 (with `window`: no limit but time).
    public var attempts: Int
    /// Pause before each further attempt (`delay`, or `every`).
    public var delay: Duration
    /// `for`: how long to keep trying; nil for a count of attempts.
    public var window: Duration?

    /// Creates a retry policy of `attempts` runs.
    public init(attempts: Int, delay: Duration = .zero) {
        self.attempts = attempts
        self.delay = delay
        self.window = nil
    }

    /// Creates a readiness wait: again every `every` until `window` has elapsed.
    public init(for window: Duration, every: Duration) {
        self.attempts = Int.max
        self.delay = every
        self.window = window
    }
}
