/// What a backend removes after a run, an attempt or at a learner's start (SPEC 5, 6.11).
///
/// `module` is the runbook's module id (`Runbook.moduleId`): sweeps touch only what runs of the
/// same module made.
public enum SweepScope: Sendable, Hashable {
    /// What the learner's earlier runs of this module left and that no longer runs (at the start of
    /// `run` and `selftest`, and when a guide finishes): never anything made after the run's preflight.
    case leftovers(learner: String, module: String)
    /// What one attempt of a step made (after a timeout, before a retry).
    case attempt(runId: String, learner: String, step: String)
    /// Everything the learner's run made (at the end of `run`, `selftest` and a finished `guide`),
    /// with the groups its commands' objects belong to (`PreparedCommand.groups`, e.g. Compose projects).
    case run(runId: String, learner: String, module: String, groups: [String] = [])
}
