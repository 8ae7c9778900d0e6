import Workflow

/// A validated record of a batch, ready to store: its canonical line and that line's digest
/// (the same record pushed twice has the same digest, so a retry is recognised as one).
struct StoredLine: Sendable {
    /// The learner's sequence number.
    var seq: Int
    /// The record.
    var record: JournalRecord
    /// The canonical JSON line, without its line feed.
    var bytes: [UInt8]
    /// The first 8 bytes of the line's SHA-256.
    var digest: UInt64
    /// Why the record belongs to another runbook version, when it does (BatchValidator).
    var otherVersion: String? = nil
}
