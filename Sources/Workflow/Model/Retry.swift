/// `retry: { attempts: N, delay: D }`: N runs in total, D between them.
public struct Retry: Sendable, Hashable {
    /// Total number of runs, at least 1.
    public var attempts: Int
    /// Pause before each further attempt.
    public var delay: Duration

    /// Creates a retry policy.
    public init(attempts: Int, delay: Duration = .zero) {
        self.attempts = attempts
        self.delay = delay
    }
}
