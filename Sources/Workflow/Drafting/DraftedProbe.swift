/// A verify probe a kind drafts for a command that really ran (a recorded session): the state the
/// command leaves, checked the way the kind's probes check it (`container: NAME` runs).
public struct DraftedProbe: Sendable, Hashable {
    /// The probe's kind key (`container`, `image`, `volume`, `network`).
    public var key: String
    /// The key's value (a template: the name as the drafted command writes it).
    public var value: String
    /// Whether the object must exist after the command (`exists: false` when it must be gone).
    public var exists: Bool
    /// `json` matchers on the probe's stdout: (path, value it equals).
    public var jsonEquals: [(path: String, equals: String)]
    /// Whether the probe may already pass before the step (an image that was cached): the step
    /// then says `verify_before: pass`.
    public var mayPassBefore: Bool
    /// The `# drafted:` remark that says why the probe was drafted.
    public var remark: String

    /// A probe.
    public init(
        key: String, value: String, exists: Bool = true, jsonEquals: [(path: String, equals: String)] = [],
        mayPassBefore: Bool = false, remark: String
    ) {
        self.key = key
        self.value = value
        self.exists = exists
        self.jsonEquals = jsonEquals
        self.mayPassBefore = mayPassBefore
        self.remark = remark
    }

    /// Equal when every part is (the matchers compared in order).
    public static func == (lhs: DraftedProbe, rhs: DraftedProbe) -> Bool {
        lhs.key == rhs.key && lhs.value == rhs.value && lhs.exists == rhs.exists && lhs.mayPassBefore == rhs.mayPassBefore
            && lhs.remark == rhs.remark && lhs.jsonEquals.map { [$0.path, $0.equals] } == rhs.jsonEquals.map { [$0.path, $0.equals] }
    }

    /// Hashes the probe's kind, value and whether it must exist.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(value)
        hasher.combine(exists)
    }
}
