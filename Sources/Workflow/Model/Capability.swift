/// Something a learner's environment may offer, tested by `when:` (`tty`, or a name a backend declares, e.g. `gpu`).
public struct Capability: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The name written in `when:`.
    public var rawValue: String

    /// Creates a capability from its name.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The runner's standard input is a terminal (the one capability the engine knows itself).
    public static let tty = Capability(rawValue: "tty")

    /// The name.
    public var description: String { rawValue }
}
