/// What a command that is not a process found out about its subject, judged by `status:`,
/// `exists:`, `size:` and `mode:` (an HTTP response's status; whether a file or object exists…).
public struct SubjectFacts: Sendable, Hashable {
    /// What was looked at, for messages ("file /srv/index.html", "container web").
    public var subject: String
    /// The HTTP status of a response.
    public var status: Int?
    /// Whether the subject exists.
    public var exists: Bool?
    /// A file's size in bytes.
    public var size: Int64?
    /// A file's permission bits.
    public var mode: UInt32?

    /// Creates facts.
    public init(subject: String, status: Int? = nil, exists: Bool? = nil, size: Int64? = nil, mode: UInt32? = nil) {
        self.subject = subject
        self.status = status
        self.exists = exists
        self.size = size
        self.mode = mode
    }

    /// Permission bits as four octal digits, as `mode:` is written (`0644`).
    public static func octal(_ mode: UInt32) -> String {
        let text = String(mode & 0o7777, radix: 8)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }
}
