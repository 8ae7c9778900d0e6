/// The checks of `expect:` that only some kinds support (streams and values suit every kind).
public enum ExpectationCheck: String, Sendable, Hashable, CaseIterable {
    /// `exit:`, the exit status of a process.
    case exit
    /// `status:`, an HTTP response's status.
    case status
    /// `exists:`, whether the subject (a file, an object) exists.
    case exists
    /// `size:`, a file's size in bytes.
    case size
    /// `mode:`, a file's permission bits.
    case mode
}
