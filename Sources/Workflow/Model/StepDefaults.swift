/// `defaults:`: values every step gets unless it sets its own.
public struct StepDefaults: Sendable, Hashable {
    /// Default per-attempt limit.
    public var timeout: Duration?
    /// Default retry policy.
    public var retry: Retry?
    /// Environment added to every step (a step's own entries win).
    public var env: [EnvironmentEntry]
    /// Default working directory.
    public var cwd: Template?

    /// Creates defaults.
    public init(timeout: Duration? = nil, retry: Retry? = nil, env: [EnvironmentEntry] = [], cwd: Template? = nil) {
        self.timeout = timeout
        self.retry = retry
        self.env = env
        self.cwd = cwd
    }
}
