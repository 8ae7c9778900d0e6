import Foundation
import Text
import Workflow

/// A learner's outbox for one board (`$XDG_STATE_HOME/runbook/outbox/BOARD/LEARNER/`): every
/// journal record appended to `records.jsonl` in one write as it happens (so it outlives the
/// process), pushed later in batches. `state.json` says which seq each line has and which are
/// acknowledged; a lock file keeps two runbook processes of the same learner from mixing updates.
final class Outbox: Sendable {
    /// The outbox's folder.
    let directory: String
    private let lock: FileLock
    private let recordsPath: String
    private let statePath: String

    /// Opens (or creates) the outbox in `directory`.
    init(directory: String) throws {
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        self.directory = directory
        lock = FileLock(path: (directory as NSString).appendingPathComponent("lock"))
        recordsPath = (directory as NSString).appendingPathComponent("records.jsonl")
        statePath = (directory as NSString).appendingPathComponent("state.json")
    }

    /// Appends one record (a JSON object on one line); false when it could not be written.
    @discardableResult
    func append(_ line: [UInt8]) -> Bool {
        lock.withLock {
            let descriptor = open(recordsPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { return false }
            defer { close(descriptor) }
            return DescriptorWriter.writeAll(line + [0x0A], to: descriptor)
        }
    }

    /// Takes the board's answer to a join: `acked`, the highest seq it holds of this learner.
    /// A new outbox numbers its lines after it; one the board is behind of (its store was lost)
    /// renumbers what it has not delivered to follow it.
    func adopt(boardAcked acked: Int) {
        update { state, _ in
            if state.base == nil {
                state = OutboxState(base: acked, acked: acked, offset: state.offset)
            } else if acked < state.acked {
                Self.rebase(&state, to: acked)
            }
        }
    }

    /// The next lines to push, at most `maxBytes` (but at least one line) and `maxLines`; nil when
    /// there is none, or the board was never reached (no numbering yet).
    func pending(maxBytes: Int, maxLines: Int) -> OutboxBatch? {
        lock.withLock {
            let state = loadState()
            guard state.base != nil, let data = FileManager.default.contents(atPath: recordsPath), data.count > state.offset else {
                return nil
            }
            var lines: [[UInt8]] = []
            var size = 0
            // Only whole lines: one still being appended (no line feed yet) waits for the next push.
            for line in JSONLinesReader(data: data, from: state.offset) where line.isTerminated {
                guard lines.count < maxLines, lines.isEmpty || size + line.bytes.count <= maxBytes else { break }
                lines.append([UInt8](line.bytes))
                size += line.bytes.count + 1
            }
            guard !lines.isEmpty else { return nil }
            return OutboxBatch(firstSeq: state.acked + 1, lines: lines)
        }
    }

    /// Records that the board holds every seq up to `seq`; empties the file once all are.
    func acknowledge(upTo seq: Int) {
        update { state, bytes in
            guard state.base != nil, seq > state.acked else { return }
            var offset = state.offset
            var acked = state.acked
            for line in JSONLinesReader(data: bytes, from: offset) where line.isTerminated {
                guard acked < seq else { break }
                offset = line.offset + line.bytes.count + 1
                acked += 1
            }
            state.acked = acked
            state.offset = offset
            if offset >= bytes.count {
                truncate(recordsPath, 0)
                state = OutboxState(base: acked, acked: acked, offset: 0)
            }
        }
    }

    /// Renumbers the lines not acknowledged to follow `acked` (the board holds other records at
    /// their seqs, or fewer than this outbox thought).
    func rebase(to acked: Int) {
        update { state, _ in Self.rebase(&state, to: acked) }
    }

    /// Takes the record of `seq` out (the board refused it for good) and keeps it in
    /// `rejected.jsonl`; when it is a run record, the records after it up to the next run record go
    /// with it (they belong to the refused run, SPEC 7.1). The lines after them move up. Returns
    /// how many records were taken out.
    @discardableResult
    func reject(seq: Int) -> Int {
        update { state, bytes -> Int in
            guard state.base != nil, seq > state.acked else { return 0 }
            // The line of `seq`: the (seq - acked)th whole line after what is acknowledged.
            let wanted = seq - state.acked
            var lines = JSONLinesReader(data: bytes, from: state.offset).drop { $0.number < wanted }.makeIterator()
            guard let found = lines.next(), found.number == wanted, found.isTerminated else { return 0 }
            var end = found.offset + found.bytes.count
            var count = 1
            if Self.isRun(found.bytes) {
                while let next = lines.next(), next.isTerminated, !Self.isRun(next.bytes) {
                    end = next.offset + next.bytes.count
                    count += 1
                }
            }
            appendRejected(Array(bytes[found.offset...end]))
            let remaining = Array(bytes[..<found.offset]) + Array(bytes[(end + 1)...])
            guard (try? Data(remaining).write(to: URL(fileURLWithPath: recordsPath), options: .atomic)) != nil else { return 0 }
            return count
        }
    }

    /// Keeps copies of `lines` (records the board refused but acknowledged) in `rejected.jsonl`.
    func keepRejected(_ lines: [[UInt8]]) {
        guard !lines.isEmpty else { return }
        lock.withLock { appendRejected(lines.flatMap { $0 + [0x0A] }) }
    }

    private func appendRejected(_ bytes: [UInt8]) {
        let path = (directory as NSString).appendingPathComponent("rejected.jsonl")
        let rejected = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard rejected >= 0 else { return }
        DescriptorWriter.writeAll(bytes, to: rejected)
        close(rejected)
    }

    /// True for the line of a run record.
    private static func isRun(_ line: Data) -> Bool {
        struct Kind: Decodable { var type: String }
        return (try? JSONDecoder().decode(Kind.self, from: Data(line)))?.type == "run"
    }

    /// Records not acknowledged yet (0 when the board was never reached and nothing is numbered: then all lines).
    var unsentCount: Int {
        lock.withLock {
            let state = loadState()
            guard let data = FileManager.default.contents(atPath: recordsPath), data.count > state.offset else { return 0 }
            return JSONLinesReader(data: data, from: state.offset).filter(\.isTerminated).count
        }
    }

    private static func rebase(_ state: inout OutboxState, to acked: Int) {
        guard let base = state.base else { return }
        state.base = acked - (state.acked - base)
        state.acked = acked
    }

    /// Runs `change` on the state and the records' bytes under the lock, then saves the state.
    private func update<T>(_ change: (inout OutboxState, Data) -> T) -> T {
        lock.withLock {
            var state = loadState()
            let before = state
            let bytes = FileManager.default.contents(atPath: recordsPath) ?? Data()
            let result = change(&state, bytes)
            if state != before, let data = try? JSONEncoder().encode(state) {
                try? data.write(to: URL(fileURLWithPath: statePath), options: .atomic)
            }
            return result
        }
    }

    private func loadState() -> OutboxState {
        FileManager.default.contents(atPath: statePath).flatMap { try? JSONDecoder().decode(OutboxState.self, from: $0) } ?? OutboxState()
    }
}
