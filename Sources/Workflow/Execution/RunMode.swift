/// What a run does with each step; `SessionPolicy` says what that means for a learner's session.
public enum RunMode: String, Sendable, Codable {
    /// Run every step, its expectations and probes, then cleanup.
    case run
    /// Run only the verify probes: what the learner already did; no cleanup.
    case check
    /// Probes must fail before each step and pass after it.
    case selftest
    /// Interactive, one learner, step by step.
    case guide
}
