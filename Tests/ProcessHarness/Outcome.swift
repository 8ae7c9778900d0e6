/// What a child left behind when it ended.
public struct Outcome: Sendable {
    /// Exit status (or 128 + the signal that killed it).
    public var status: Int32
    /// Everything it printed on stdout.
    public var stdout: String
    /// Everything it printed on stderr.
    public var stderr: String

    /// An outcome.
    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}
