/// How the learner's pushers pace themselves.
public struct PushTiming: Sendable {
    /// The limit of one request to the board.
    public var requestTimeout: Duration = .seconds(3)
    /// The first wait after the board did not answer; it doubles up to `maxBackoff`.
    public var firstBackoff: Duration = .milliseconds(500)
    /// The longest wait between two tries.
    public var maxBackoff: Duration = .seconds(30)
    /// The longest wait between two tries once the command is ending.
    public var finishingBackoff: Duration = .milliseconds(500)
    /// How long a command tries to flush its outboxes before it exits while the board answers (SPEC 7: 10 s).
    public var finishLimit: Duration = .seconds(10)
    /// How long it tries when the board does not answer at all (refused, unresolvable, silent): 1 s (SPEC 7.1).
    public var finishingUnreachable: Duration = .seconds(1)
    /// The largest batch body, well under the board's 1 MiB.
    public var batchBytes = 512 << 10
    /// The most records in one batch.
    public var batchLines = 500

    /// The defaults above.
    public init() {}
}
