/// One probe of the GPU ladder as the fingerprint records it: what ran and what it said, short.
public struct GPUEvidence: Sendable, Codable, Hashable {
    /// The command, as a person would type it (without the runner's labels).
    public var command: String
    /// Its exit status; nil when it did not end by itself.
    public var exitCode: Int32?
    /// The first lines of what it printed (stdout, then stderr).
    public var output: String

    /// The most characters of output kept.
    static let outputLimit = 400

    /// Creates the evidence, cutting the output to a few lines.
    public init(command: String, exitCode: Int32?, output: String) {
        self.command = command
        self.exitCode = exitCode
        let lines = output.split(separator: "\n", omittingEmptySubsequences: true).prefix(6).joined(separator: "\n")
        self.output = lines.count > Self.outputLimit ? String(lines.prefix(Self.outputLimit)) + "…" : lines
    }
}
