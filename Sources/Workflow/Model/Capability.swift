/// What a learner's environment may offer, for `when:`.
public enum Capability: String, Sendable, Hashable, CaseIterable, Codable {
    /// The engine lists the nvidia runtime, or nvidia-docker is on PATH and the engine is local.
    case gpu
    /// The runner's standard input is a terminal.
    case tty
}
