/// The bounds that keep one `runbook serve` small and safe from hostile clients (SPEC 7).
public struct BoardLimits: Sendable {
    /// The largest body of `POST /api/v1/journal`: 1 MiB (larger is 413).
    public var maxBatchBytes = 1 << 20
    /// The largest body of `POST /api/v1/join`.
    public var maxJoinBytes = 4 << 10
    /// Learners the board takes without a roster; more joins are refused (a roster fixes its own count).
    public var maxLearners = 1_000
    /// Browsers following `GET /events` at once; more get 503.
    public var maxEventClients = 64
    /// Events kept for resuming after a dropped connection (`Last-Event-ID`).
    public var eventHistory = 4_096
    /// Events waiting for one slow browser before it is cut off (it resumes on reconnecting).
    public var eventBacklog = 1_024
    /// How often the board looks for learners who stopped making progress, and pings browsers.
    public var tick: Duration = .seconds(5)
    /// Ticks between two keep-alive comments on the event streams.
    public var ticksPerPing = 3

    /// The defaults above.
    public init() {}
}
