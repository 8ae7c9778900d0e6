import Foundation
import Workflow

/// The tombstones of one learner (`STORE/refused/ID.jsonl`, one `RefusedRange` per line),
/// appended and fsynced before the journal lines of the same batch and before the push is
/// acknowledged. Outside `STORE/*.jsonl`, so that `runbook report STORE/*.jsonl` reads journals only.
struct RefusedRangeFile: Sendable {
    /// The file.
    let path: String

    /// The file of learner `id` in the store at `directory`.
    init(_ id: String, in directory: String) {
        path = (directory as NSString).appendingPathComponent("refused/\(id).jsonl")
    }

    /// The ids of learners with tombstones in the store at `directory`.
    static func ids(in directory: String) -> [String] {
        let folder = (directory as NSString).appendingPathComponent("refused")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".jsonl") }.map { String($0.dropLast(6)) }.filter(LearnerId.isValid)
    }

    /// Appends `ranges` in one write and syncs.
    func append(_ ranges: [RefusedRange]) throws(BoardStoreError) {
        var buffer: [UInt8] = []
        for range in ranges {
            guard let data = try? JSONEncoder.runbook.encode(range) else { continue }
            buffer += Array(data)
            buffer.append(0x0A)
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !FileManager.default.fileExists(atPath: folder) {
            try? FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("cannot open") }
        defer { close(descriptor) }
        let start = lseek(descriptor, 0, SEEK_END)
        guard DescriptorWriter.writeAll(buffer, to: descriptor) else {
            let error = failure("cannot write")
            if start >= 0 { ftruncate(descriptor, start) }
            throw error
        }
        guard fsync(descriptor) == 0 else { throw failure("cannot sync") }
    }

    /// The ranges kept, in file order; a torn last line is ignored, none when there is no file.
    func read() -> [RefusedRange] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let decoder = JSONDecoder.runbook
        return data.split(separator: 0x0A).compactMap { try? decoder.decode(RefusedRange.self, from: Data($0)) }
    }

    private func failure(_ what: String) -> BoardStoreError {
        BoardStoreError(path: path, message: "\(what) the learner's refused records: \(String(cString: strerror(errno)))")
    }
}
