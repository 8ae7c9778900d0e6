/// What journals say learners did (SPEC 6.11): the steps each learner passed in their own `guide`
/// session or in a `run`/`check` they ran themselves, for one runbook (by sha256); and the
/// captures their guide kept, so that `check` can run probes that need them.
public struct JournalEvidence: Sendable, Hashable {
    /// learner → step → where the pass was recorded (`guide`, `run`, `check`).
    public private(set) var passes: [String: [String: String]] = [:]
    /// learner → capture name → value (a guide's state keeps them, secrets excepted).
    public private(set) var captures: [String: [String: String]] = [:]

    /// No evidence.
    public init() {}

    /// Where `learner`'s pass of `step` was recorded, nil when no journal says they passed it.
    public func source(learner: String, step: String) -> String? {
        passes[learner]?[step]
    }

    /// Records a pass; the first source seen is kept (guide first: it is read first).
    public mutating func notePass(learner: String, step: String, source: String) {
        if passes[learner]?[step] == nil { passes[learner, default: [:]][step] = source }
    }

    /// Records captures of `learner` (those already known are kept).
    public mutating func noteCaptures(_ values: [String: String], learner: String) {
        captures[learner, default: [:]].merge(values) { kept, _ in kept }
    }

    /// Whether any learner has a pass.
    public var isEmpty: Bool { passes.isEmpty }

    /// Whether a run recorded by `header` shows a learner's own work: their guide, or a `run` or
    /// `check` they ran for themselves (not of a roster, not a selftest).
    public static func counts(_ header: RunHeader) -> Bool {
        switch header.command {
        case RunMode.guide.rawValue: true
        case RunMode.run.rawValue, RunMode.check.rawValue: header.roster != true
        default: false
        }
    }
}
