extension Capability {
    /// The fact (`BackendPreflight.facts`) in which a backend tells why this capability is absent
    /// on a learner's environment, when it knows better than its declaration's `absentReason`
    /// (e.g. which probe of the GPU failed, and how); `when:` skips and the kinds report it.
    public var absentReasonFact: String { "capability.\(rawValue).absent" }
}
