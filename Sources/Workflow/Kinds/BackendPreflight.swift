import Text

/// What a backend learned when it checked a learner's environment before the first step.
public struct BackendPreflight: Sendable, Hashable {
    /// Whether the environment answered.
    public var reachable: Bool
    /// Its own message when it did not.
    public var message: String?
    /// What the environment is (versions, platform…), recorded in the results as JSON.
    public var fingerprint: JSONValue?
    /// The fingerprint in one line, for reports (e.g. the engine's version, system and architecture).
    public var summary: String?
    /// The capabilities it offers, for `when:`.
    public var capabilities: Set<Capability>
    /// What the backend's kinds need to know when they prepare a command for this learner (e.g.
    /// which flag gives a container the GPU on this engine), by name; handed over in `CommandContext.facts`.
    public var facts: [String: String]
    /// Whether earlier runs may have left something to sweep (false when the backend knows there
    /// is nothing, e.g. an engine with no stopped container): the sweep is then skipped.
    public var mayHaveLeftovers = true

    /// Creates a preflight result.
    public init(
        reachable: Bool, message: String? = nil, fingerprint: JSONValue? = nil, summary: String? = nil, capabilities: Set<Capability> = [],
        facts: [String: String] = [:]
    ) {
        self.reachable = reachable
        self.message = message
        self.fingerprint = fingerprint
        self.summary = summary
        self.capabilities = capabilities
        self.facts = facts
    }
}
