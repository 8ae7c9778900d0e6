/// What a backend removes after a run, an attempt or at a learner's start (SPEC 5).
public enum SweepScope: Sendable, Hashable {
    /// What the learner's earlier runs left and that no longer runs (at the start of `run` and `selftest`).
    case leftovers(learner: String)
    /// What one attempt of a step made (after a timeout, before a retry).
    case attempt(runId: String, learner: String, step: String)
    /// Everything the learner's run made (at the end of `run`, `selftest` and a finished `guide`).
    case run(runId: String, learner: String)
}
