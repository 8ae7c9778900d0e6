/// How a learner's session treats its steps: the one thing in which `run`, `check`, `guide` and
/// `selftest` differ (SPEC 1.4, 3, 5).
public struct SessionPolicy: Sendable, Hashable {
    /// The command this policy belongs to.
    public var mode: RunMode
    /// Whether steps run their own command (false: only their probes judge them, as `check` does).
    public var runsCommands: Bool
    /// Whether each step's probes also run before it, and must fail then (`selftest`).
    public var probesBeforeStep: Bool
    /// Whether the `cleanup:` items run after the steps.
    public var runsCleanup: Bool
    /// Whether what the learner's earlier runs left is swept before the first step.
    public var sweepsLeftovers: Bool
    /// Whether what this run made is swept at the end.
    public var sweepsRun: Bool
    /// Whether each learner gets environment of its own that the runner's user does not see
    /// (e.g. a temporary client configuration, so that one learner's login never touches another's).
    /// A guide shares the user's: the learner alternates between the guide and their own terminal.
    public var isolatesLearners = true
    /// The module whose leftovers a session sweeps (set from the runbook when the session opens).
    var module = ""

    /// `runbook run`: every step, then cleanup; sweeps before and after.
    public static let run = SessionPolicy(
        mode: .run, runsCommands: true, probesBeforeStep: false, runsCleanup: true, sweepsLeftovers: true, sweepsRun: true)
    /// `runbook check`: only probes; nothing is removed.
    public static let check = SessionPolicy(
        mode: .check, runsCommands: false, probesBeforeStep: false, runsCleanup: false, sweepsLeftovers: false, sweepsRun: false)
    /// `runbook selftest`: probes before and after each step, then cleanup.
    public static let selftest = SessionPolicy(
        mode: .selftest, runsCommands: true, probesBeforeStep: true, runsCleanup: true, sweepsLeftovers: true, sweepsRun: true)
    /// `runbook guide`: the learner drives; cleanup and sweeps only when the guide finishes.
    public static let guide = SessionPolicy(
        mode: .guide, runsCommands: true, probesBeforeStep: false, runsCleanup: false, sweepsLeftovers: false, sweepsRun: false,
        isolatesLearners: false)

    /// The policy of `mode`.
    public static func of(_ mode: RunMode) -> SessionPolicy {
        switch mode {
        case .run: .run
        case .check: .check
        case .selftest: .selftest
        case .guide: .guide
        }
    }
}
