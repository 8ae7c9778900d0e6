/// A capability that a backend can offer, with how a skipped step explains it.
public struct CapabilityDeclaration: Sendable, Hashable {
    /// The capability, as written in `when:`.
    public var capability: Capability
    /// Why a step that needs it is skipped when it is absent, e.g. "no NVIDIA runtime on this engine".
    public var absentReason: String
    /// Why a step that needs it absent (`when: "!gpu"`) is skipped when it is present.
    public var presentReason: String

    /// Creates a declaration.
    public init(_ capability: Capability, absentReason: String, presentReason: String) {
        self.capability = capability
        self.absentReason = absentReason
        self.presentReason = presentReason
    }
}
