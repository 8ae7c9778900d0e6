import Foundation

/// The result of one verify probe or cleanup item.
public struct ProbeResult: Sendable, Codable {
    /// Position among the step's probes (or the cleanup items), from 0.
    public var index: Int
    /// passed, failed, timeout, error, skipped or interrupted.
    public var status: StepStatus
    /// Why, for anything but passed.
    public var reason: String?
    /// What ran.
    public var command: CommandRecord?
    /// The exit status, when it ran to the end.
    public var exitCode: Int32?
    /// Wall time in seconds.
    public var durationSeconds: Double
    /// The expectations that failed.
    public var failures: [MatcherFailure]
    /// Head and tail of each stream; nil when nothing ran.
    public var excerpts: OutputExcerpts?
    /// When it failed: the learner's explanation (its first failed matcher's `why`, else the probe's
    /// own `why:`), shown in place of `reason`.
    public var why: String?

    /// Creates a probe result.
    public init(
        index: Int, status: StepStatus, reason: String? = nil, command: CommandRecord? = nil, exitCode: Int32? = nil,
        durationSeconds: Double = 0, failures: [MatcherFailure] = [], excerpts: OutputExcerpts? = nil, why: String? = nil
    ) {
        self.index = index
        self.status = status
        self.reason = reason
        self.command = command
        self.exitCode = exitCode
        self.durationSeconds = durationSeconds
        self.failures = failures
        self.excerpts = excerpts
        self.why = why
    }
}
