/// What `selftest` showed about one verify probe: that it fails before its step and passes after it (SPEC 1.4).
public struct ProbeProof: Sendable, Hashable {
    /// How the probe fared before the step ran.
    public enum Before: Sendable, Hashable {
        /// It failed: it can tell a learner who has not done the step.
        case failed
        /// It passed although the step had not run: it cannot fail (a defect).
        case passed
        /// `verify_before: pass`: the state may exist already; `passed` says what happened.
        case exempt(passed: Bool)
        /// It could not run (error or timeout), so it never showed that it can fail (a defect).
        case couldNotRun(String)
        /// It did not run before the step (the step was skipped, blocked or interrupted first).
        case notRun
        /// A guard (`guard: true`): a precondition, not required to fail before; `passed` says what happened.
        case guarded(passed: Bool)
    }

    /// How the probe fared after the step ran.
    public enum After: Sendable, Hashable {
        /// It passed: it recognises the state the step leaves.
        case passed
        /// It failed (or could not run) after the step: the reason.
        case failed(String)
        /// It did not run after the step: why.
        case notRun(String)
    }

    /// Position among the step's probes, from 0.
    public var index: Int
    /// The probe as run (substituted, redacted, shell-quoted), when it ran.
    public var command: String?
    /// Before the step.
    public var before: Before
    /// After the step.
    public var after: After

    /// Creates a proof.
    public init(index: Int, command: String?, before: Before, after: After) {
        self.index = index
        self.command = command
        self.before = before
        self.after = after
    }

    /// True when the probe failed before the step, or is allowed to pass then (`verify_before: pass`).
    public var provedCanFail: Bool {
        switch before {
        case .failed, .exempt, .guarded: true
        case .passed, .couldNotRun, .notRun: false
        }
    }

    /// True when the probe passed after the step.
    public var provedCanPass: Bool { after == .passed }

    /// True when the probe ran both times and showed a defect (it cannot fail, or it does not pass).
    public var isDefect: Bool {
        switch before {
        case .passed, .couldNotRun: return true
        case .failed, .exempt, .notRun, .guarded: break
        }
        if case .failed = after { return true }
        return false
    }
}
