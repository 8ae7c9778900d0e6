/// The bounds that keep one `runbook serve` small and safe from hostile clients (SPEC 7, 7.1).
public struct BoardLimits: Sendable {
    /// The largest body of `POST /api/v1/journal`: 1 MiB (larger is 413).
    public var maxBatchBytes = 1 << 20
    /// The largest body of `POST /api/v1/join`.
    public var maxJoinBytes = 4 << 10
    /// Learners the board takes without a roster; more joins are refused (a roster fixes its own count).
    public var maxLearners = 1_000
    /// Browsers following `GET /events` at once; more get 503.
    public var maxEventClients = 64
    /// Bytes of events kept for resuming after a dropped connection (`Last-Event-ID`): 16 MiB.
    public var eventHistoryBytes = 16 << 20
    /// Events waiting for one slow browser before it is cut off (it resumes on reconnecting).
    public var eventBacklog = 1_024
    /// How often the board looks for learners who stopped making progress, and pings browsers.
    public var tick: Duration = .seconds(5)
    /// Ticks between two keep-alive comments on the event streams (every 15 s).
    public var ticksPerPing = 3
    /// Characters kept of a learner's name, a step's title or hint, a command, when stored.
    public var fieldCharacters = 256
    /// A connection's first request must have sent its headers within this time.
    public var headerTimeout: Duration = .seconds(10)
    /// A connection with nothing in flight is closed after this time.
    public var idleTimeout: Duration = .seconds(60)
    /// Open connections per client address that have not presented a valid token.
    public var connectionsPerAddress = 32
    /// Wrong-code joins a minute from one address before they are slowed.
    public var freeWrongJoins = 10
    /// How long an address waits after its first wrong join too many (doubling after each next one).
    public var firstWrongJoinWait: Duration = .seconds(1)

    /// The defaults above.
    public init() {}
}
