/// A step that some learners could not get past: how many, and how (SPEC 4, "a count of failures per step").
public struct StuckStep: Sendable {
    /// The step.
    public var step: RunHeader.StepInfo
    /// Learners per status, for the statuses that count as stuck.
    public var counts: [StepStatus: Int]
    /// The learners who are stuck there, in roster order.
    public var learners: [String]
    /// The hint to show: the stuck learners' substituted one when they share it, else the runbook's.
    public var hint: String?

    /// The statuses that count as stuck: failed, timeout, error and blocked (not interrupted: that was the runner).
    public static let statuses: [StepStatus] = [.failed, .timeout, .error, .blocked]

    /// Creates an entry.
    public init(step: RunHeader.StepInfo, counts: [StepStatus: Int], learners: [String], hint: String?) {
        self.step = step
        self.counts = counts
        self.learners = learners
        self.hint = hint
    }

    /// Learners stuck at this step, all statuses together.
    public var total: Int { counts.values.reduce(0, +) }
}
