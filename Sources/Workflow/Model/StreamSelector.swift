/// Which output a matcher or capture reads.
public enum StreamSelector: String, Sendable, Hashable, CaseIterable, Codable {
    /// Standard output only.
    case stdout
    /// Standard error only.
    case stderr
    /// Both streams, whole lines in arrival order.
    case output
}
