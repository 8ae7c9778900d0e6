/// The excerpts of a step's output: each stream, and both interleaved in arrival order.
public struct OutputExcerpts: Codable, Sendable, Hashable {
    /// Standard output.
    public var stdout: StreamExcerpt
    /// Standard error.
    public var stderr: StreamExcerpt
    /// Both streams, whole lines in arrival order.
    public var output: StreamExcerpt

    /// Creates the excerpts.
    public init(stdout: StreamExcerpt = StreamExcerpt(), stderr: StreamExcerpt = StreamExcerpt(), output: StreamExcerpt = StreamExcerpt()) {
        self.stdout = stdout
        self.stderr = stderr
        self.output = output
    }

    /// The excerpt of `stream`.
    public subscript(stream: StreamSelector) -> StreamExcerpt {
        switch stream {
        case .stdout: stdout
        case .stderr: stderr
        case .output: output
        }
    }
}
