import Foundation

/// `journal.jsonl`: one JSON record per line, each written with a single `write` call as it
/// happens, so that a crash or a second Ctrl-C never leaves a torn or missing record before it.
public actor Journal {
    private let descriptor: Int32
    /// The journal's path.
    public nonisolated let path: String
    private let encoder: JSONEncoder
    private let tap: (any JournalTap)?

    /// Creates (or appends to) the journal at `path`; `tap` sees every record appended.
    public init(path: String, tap: (any JournalTap)? = nil) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
        self.descriptor = descriptor
        self.path = path
        self.tap = tap
        encoder = JSONEncoder.runbook
        // Sorting keys costs a fifth of the encoding; results.json keeps them sorted for people.
        encoder.outputFormatting = [.withoutEscapingSlashes]
    }

    deinit {
        close(descriptor)
    }

    /// Appends one record as one line, in one write, then hands it to the tap.
    public func append(_ record: JournalRecord) {
        defer { tap?.journaled(record) }
        guard var data = try? encoder.encode(record) else { return }
        data.append(0x0A)
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }

    /// Flushes the journal to disk.
    public func sync() {
        fsync(descriptor)
    }
}
