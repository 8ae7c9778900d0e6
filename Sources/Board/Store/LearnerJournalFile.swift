import Foundation
import Text
import Workflow

/// A learner's journal in the store (`STORE/ID.jsonl`): canonical lines, each a journal record
/// with its `seq`, appended in one write and fsynced before a push is acknowledged.
struct LearnerJournalFile: Sendable {
    /// The file.
    let path: String

    /// Appends `lines` in one write and syncs; returns the offset the first one starts at.
    func append(_ lines: [StoredLine]) throws(BoardStoreError) -> Int {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(lines.reduce(0) { $0 + $1.bytes.count + 1 })
        for line in lines {
            buffer += line.bytes
            buffer.append(0x0A)
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("cannot open") }
        defer { close(descriptor) }
        let start = lseek(descriptor, 0, SEEK_END)
        guard start >= 0 else { throw failure("cannot seek") }
        guard DescriptorWriter.writeAll(buffer, to: descriptor) else {
            let error = failure("cannot write")
            // Leave no part of the batch behind: it was not acknowledged.
            ftruncate(descriptor, start)
            throw error
        }
        guard fsync(descriptor) == 0 else { throw failure("cannot sync") }
        return Int(start)
    }

    /// Hands every stored line with its offset to `take`, in order. A torn last line (the server died while
    /// writing it, before acknowledging) is cut off the file; any other bad line is an error. Seqs
    /// follow each other, except over those `skipping` says were refused (kept as tombstones).
    func read(skipping: (Int) -> Bool = { _ in false }, _ take: (StoredLine, Int) -> Void) throws(BoardStoreError) {
        guard let lines = JSONLinesReader(path: path) else { throw failure("cannot read") }
        let decoder = JSONDecoder.runbook
        var previous = 0
        for line in lines {
            guard line.isTerminated else {
                // No line feed: the write was cut short.
                truncate(path, off_t(line.offset))
                break
            }
            let bytes = [UInt8](line.bytes)
            let sequenced: SequencedRecord
            do {
                sequenced = try decoder.decode(SequencedRecord.self, from: line.bytes)
            } catch {
                let message = "not a journal record with a seq (\(BatchValidator.describe(error)))"
                throw BoardStoreError(path: path, line: line.number, message: message)
            }
            var expected = previous + 1
            while skipping(expected), expected < sequenced.seq { expected += 1 }
            guard sequenced.seq == expected else {
                throw BoardStoreError(path: path, line: line.number, message: "seq \(sequenced.seq) where \(expected) was expected")
            }
            let digest = SHA256.hash(data: bytes).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            take(StoredLine(seq: sequenced.seq, record: sequenced.record, bytes: bytes, digest: digest), line.offset)
            previous = sequenced.seq
        }
    }

    /// The record stored at `offset` (`length` bytes).
    func record(offset: Int, length: Int) -> JournalRecord? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: UInt64(offset))) != nil, let data = try? handle.read(upToCount: length) else { return nil }
        return (try? JSONDecoder.runbook.decode(SequencedRecord.self, from: data))?.record
    }

    private func failure(_ what: String) -> BoardStoreError {
        BoardStoreError(path: path, message: "\(what) the learner's journal: \(String(cString: strerror(errno)))")
    }
}
