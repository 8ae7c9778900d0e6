/// The result of checking a learner's engine before its steps run.
public struct EnginePreflight: Sendable, Codable, Hashable {
    /// Whether the engine answered.
    public var reachable: Bool
    /// The engine's own message when it did not.
    public var message: String?
    /// What the engine is.
    public var fingerprint: EnvironmentFingerprint?

    /// Creates a preflight result.
    public init(reachable: Bool, message: String? = nil, fingerprint: EnvironmentFingerprint? = nil) {
        self.reachable = reachable
        self.message = message
        self.fingerprint = fingerprint
    }
}
