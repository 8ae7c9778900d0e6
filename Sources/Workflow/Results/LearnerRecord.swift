/// What a learner's session set up before its first step: its own ports and folder (SPEC 6.7).
public struct LearnerRecord: Sendable, Codable, Hashable {
    /// The learner's id.
    public var learner: String
    /// `${port.NAME}` of this learner: name → port.
    public var ports: [String: Int]
    /// `${workdir}` of this learner.
    public var workdir: String?

    /// Creates a record.
    public init(learner: String, ports: [String: Int], workdir: String?) {
        self.learner = learner
        self.ports = ports
        self.workdir = workdir
    }
}
