/// What `selftest` expects of a step's probes before the step runs.
public enum VerifyBefore: String, Sendable, Hashable, Codable {
    /// They must fail (the default): the state does not exist yet.
    case fail
    /// They may pass: the state legitimately exists already.
    case pass
}
