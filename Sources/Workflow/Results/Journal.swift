import Foundation

/// `journal.jsonl`: one JSON record per line, each written with a single `write` call as it
/// happens, so that a crash or a second Ctrl-C never leaves a torn or missing record before it.
public actor Journal {
    private let descriptor: Int32
    /// The journal's path.
    public nonisolated let path: String
    private let encoder: JSONEncoder
    /// Records written whole.
    public private(set) var written = 0
    /// Records that could not be written (a full disk), and the first reason.
    public private(set) var lost = 0
    /// Why the first lost record was lost.
    public private(set) var firstLossReason: String?

    /// Creates the journal at `path`; with `exclusive`, fails when the file exists already (the
    /// atomic claim of a results folder), else appends to it.
    public init(path: String, exclusive: Bool = false) throws(SessionError) {
        let flags = O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (exclusive ? O_EXCL : 0)
        let descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            if code == EEXIST { throw .results("\(path) exists already: another run is using this results folder") }
            throw .results("cannot create \(path): \(String(cString: strerror(code)))")
        }
        self.descriptor = descriptor
        self.path = path
        encoder = JSONEncoder.runbook
        // Sorting keys costs a fifth of the encoding; results.json keeps them sorted for people.
        encoder.outputFormatting = [.withoutEscapingSlashes]
    }

    deinit {
        close(descriptor)
    }

    /// Appends one record as one line, in one write; false (and counted as lost) when it could not be written.
    @discardableResult
    public func append(_ record: JournalRecord) -> Bool {
        guard var data = try? encoder.encode(record) else { return lose("the record could not be encoded") }
        data.append(0x0A)
        let whole = data.withUnsafeBytes { DescriptorWriter.writeAll($0, to: descriptor) }
        guard whole else { return lose(String(cString: strerror(errno))) }
        written += 1
        return true
    }

    /// Flushes the journal to disk; false when the disk refused.
    @discardableResult
    public func sync() -> Bool {
        fsync(descriptor) == 0
    }

    private func lose(_ reason: String) -> Bool {
        lost += 1
        if firstLossReason == nil { firstLossReason = reason }
        return false
    }
}
