/// Names the stream a line of a child's output arrived on.
public enum OutputStreamKind: String, Sendable, Codable {
    /// The child's standard output (and everything it prints when it runs under a terminal).
    case stdout
    /// The child's standard error.
    case stderr
}
