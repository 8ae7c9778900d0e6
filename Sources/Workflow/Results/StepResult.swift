import Foundation

/// Everything known about one step of one learner once it finished (SPEC 4, results.json).
public struct StepResult: Sendable, Codable {
    /// The learner's id.
    public var learner: String
    /// The step's id.
    public var step: String
    /// The step's title, substituted and redacted.
    public var title: String?
    /// The outcome.
    public var status: StepStatus
    /// Why, for anything but passed: the first failed expectation, the skip or block reason, the error.
    public var reason: String?
    /// The exit status of the last attempt, when it ran to the end.
    public var exitCode: Int32?
    /// When the step started (nil when it never ran).
    public var startedAt: Date?
    /// When it finished.
    public var endedAt: Date
    /// Wall time of all attempts, in seconds.
    public var durationSeconds: Double
    /// How many attempts ran.
    public var attempts: Int
    /// `retry: { for }`: seconds from the first attempt's start to the last one's (the time waited).
    public var waitedSeconds: Double?
    /// What the last attempt ran.
    public var command: CommandRecord?
    /// The expectations that failed (last attempt).
    public var failures: [MatcherFailure]
    /// Values captured by this step (redacted).
    public var captured: [String: String]
    /// True when finish_on_match ended the command early.
    public var finishedOnMatch: Bool
    /// Head and tail of stdout, stderr and output (last attempt); nil when nothing ran.
    public var excerpts: OutputExcerpts?
    /// The verify probes (last attempt).
    public var verify: [ProbeResult]
    /// `selftest` only: the verify probes as run before the step (they must fail unless `verify_before: pass`).
    public var verifyBefore: [ProbeResult]?
    /// The step's (first) hint, substituted and redacted, kept for reports.
    public var hint: String?
    /// Every hint of a step that has more than one (`hints:`), substituted and redacted; nil otherwise.
    public var hints: [String]?
    /// How many of the step's hints the learner had been shown (`runbook guide`; 0 elsewhere); nil in
    /// results written before hints were counted.
    public var hintsShown: Int?
    /// When the step failed on a check that has a `why:` (a matcher's, the exit status's, a failed
    /// probe's): the learner's explanation, shown in place of `reason` (SPEC 11.1).
    public var why: String?
    /// `check`: the step passed in a journal of the learner's own (guide, or a run of their own) but
    /// its probes fail now: "done, since undone" (SPEC 6.11). Nil otherwise.
    public var undone: Bool?
    /// `check`: where the pass came from when a journal says so (`guide`, `run`, `check`), nil when the probes alone decided.
    public var evidence: String?
    /// `environment: true`: a fact of the machine, not the learner's work; reports show "✓ env" and
    /// leave it out of passed/total. Nil otherwise.
    public var environment: Bool?
    /// The step's process was left running in the background when it passed (`background: true`). Nil otherwise.
    public var background: Bool?

    /// Creates a result.
    public init(
        learner: String, step: String, title: String? = nil, status: StepStatus, reason: String? = nil, exitCode: Int32? = nil,
        startedAt: Date? = nil, endedAt: Date = Date(), durationSeconds: Double = 0, attempts: Int = 0, waitedSeconds: Double? = nil,
        command: CommandRecord? = nil, failures: [MatcherFailure] = [], captured: [String: String] = [:], finishedOnMatch: Bool = false,
        excerpts: OutputExcerpts? = nil, verify: [ProbeResult] = [], verifyBefore: [ProbeResult]? = nil, hint: String? = nil,
        hints: [String]? = nil, hintsShown: Int? = 0, why: String? = nil
    ) {
        self.learner = learner
        self.step = step
        self.title = title
        self.status = status
        self.reason = reason
        self.exitCode = exitCode
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.durationSeconds = durationSeconds
        self.attempts = attempts
        self.waitedSeconds = waitedSeconds
        self.command = command
        self.failures = failures
        self.captured = captured
        self.finishedOnMatch = finishedOnMatch
        self.excerpts = excerpts
        self.verify = verify
        self.verifyBefore = verifyBefore
        self.hint = hint
        self.hints = hints
        self.hintsShown = hintsShown
        self.why = why
    }
}

extension StepResult {
    /// What people read about why the step did not pass: its `why`, else its `reason`.
    public var shownReason: String? { why ?? reason }

    /// Every hint of the step, in order: `hints`, else the one `hint`.
    public var allHints: [String] { hints ?? hint.map { [$0] } ?? [] }
    /// Whether the learner's passed/total counts this step: everything but `environment: true` facts.
    public var countsForLearner: Bool { environment != true }

    /// The verify probe that failed a step whose own command passed: then the probe's command and
    /// output explain the failure, not the step's (SPEC 6.9).
    public var failingProbe: ProbeResult? {
        guard failures.isEmpty, status.isFailure else { return nil }
        return verify.first { $0.status != .passed && $0.status != .skipped }
    }
}
