/// The command a step ran, as recorded in results (secrets already redacted).
public struct CommandRecord: Sendable, Codable, Hashable {
    /// The command's kind (`exec`, `sh`, or a key another target registered).
    public var key: String
    /// The full argv that ran, runner flags included.
    public var argv: [String]
    /// The command shell-quoted as a person would type it, without runner flags.
    public var display: String
    /// Which program ran (it may differ from the kind's own, when one stood in for another).
    public var binary: String
    /// A remark, e.g. why one program stood in for another.
    public var note: String?

    /// Creates a record.
    public init(key: String, argv: [String], display: String, binary: String, note: String? = nil) {
        self.key = key
        self.argv = argv
        self.display = display
        self.binary = binary
        self.note = note
    }
}
