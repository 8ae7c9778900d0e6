import Foundation
import Text
import Workflow

/// Checks a pushed batch before anything of it is stored (SPEC 7): every line a journal record
/// with its `seq`, of the learner the token names, with seqs one after the other. Returns each
/// record, its free text cut (`RecordCaps`), as its canonical line; a record of another runbook
/// version (its run record's sha256, or a step the served runbook lacks) is marked, not refused
/// here: the store decides, knowing whether that learner's run was refused already.
struct BatchValidator: Sendable {
    /// The served runbook's SHA-256.
    let runbookSHA: String
    /// The served runbook's step ids.
    let stepIds: Set<String>
    /// The caps on free text.
    let caps: RecordCaps

    /// What is wrong with a record.
    enum Problem: Equatable {
        /// Never to be stored: 400.
        case invalid(String)
        /// Of another runbook version: stored as refused when its run is.
        case otherVersion(String)
    }

    /// The records of `body`, one JSON object per line, for `learner`; throws 400 for the first bad line.
    func validate(_ body: [UInt8], learner: String) throws(BatchRejection) -> [StoredLine] {
        let decoder = JSONDecoder.runbook
        let encoder = JSONEncoder.runbook
        var lines: [StoredLine] = []
        for line in JSONLinesReader(data: Data(body)) {
            let number = line.number
            var text = line.bytes
            if text.last == 0x0D { text = text.dropLast() }
            if text.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            var sequenced: SequencedRecord
            do {
                sequenced = try decoder.decode(SequencedRecord.self, from: text)
            } catch {
                throw BatchRejection(.invalid, "not a journal record with a seq: \(Self.describe(error))", line: number)
            }
            guard sequenced.seq >= 1 else { throw BatchRejection(.invalid, "seq must be 1 or more", line: number) }
            if let previous = lines.last, sequenced.seq != previous.seq + 1 {
                throw BatchRejection(.invalid, "seq \(sequenced.seq) does not follow \(previous.seq)", line: number)
            }
            var otherVersion: String?
            switch check(sequenced.record, learner: learner) {
            case .invalid(let problem)?: throw BatchRejection(.invalid, problem, line: number)
            case .otherVersion(let problem)?: otherVersion = problem
            case nil: break
            }
            sequenced.record = caps.capped(sequenced.record)
            guard let canonical = try? encoder.encode(sequenced) else { throw BatchRejection(.invalid, "cannot be stored", line: number) }
            let bytes = Array(canonical)
            let digest = SHA256.hash(data: bytes).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            lines.append(StoredLine(seq: sequenced.seq, record: sequenced.record, bytes: bytes, digest: digest, otherVersion: otherVersion))
        }
        guard !lines.isEmpty else { throw BatchRejection(.invalid, "no records") }
        return lines
    }

    /// What is wrong with `record` for `learner`; nil when it may be stored.
    func check(_ record: JournalRecord, learner: String) -> Problem? {
        let payloads: [Any?] = [
            record.run, record.learner, record.preflight, record.step, record.cleanup, record.end, record.hand, record.start,
        ]
        guard record.type != .unknown else { return .invalid("not a record type this board knows") }
        guard payloads.compactMap({ $0 }).count == 1 else {
            return .invalid("a \(record.type.rawValue) record carries exactly its own payload")
        }
        switch record.type {
        case .run:
            guard let header = record.run else { return .invalid("a run record needs \"run\"") }
            guard header.learners.count == 1, header.learners[0].id == learner else {
                return .invalid("a run record must list just learner \(learner)")
            }
            guard RunIdentifier.isValid(header.runId) else { return .invalid("run id \(header.runId) is not [0-9a-z-]+") }
            guard header.runbook.sha256 == runbookSHA else {
                let given = header.runbook.sha256.prefix(12)
                return .otherVersion("runbook sha256 \(given)… is not the served one (\(runbookSHA.prefix(12))…)")
            }
            if let unknown = header.steps.first(where: { !stepIds.contains($0.id) }) {
                return .invalid("no step \(unknown.id) in the served runbook")
            }
        case .learner:
            guard let value = record.learner else { return .invalid("a learner record needs \"learner\"") }
            return owner(value.learner, learner)
        case .preflight:
            guard let value = record.preflight else { return .invalid("a preflight record needs \"preflight\"") }
            return owner(value.learner, learner)
        case .step:
            guard let value = record.step else { return .invalid("a step record needs \"step\"") }
            if let problem = owner(value.learner, learner) { return problem }
            guard stepIds.contains(value.step) else { return .otherVersion("no step \(value.step) in the served runbook") }
        case .cleanup:
            guard let value = record.cleanup else { return .invalid("a cleanup record needs \"cleanup\"") }
            return owner(value.learner, learner)
        case .end:
            guard record.end != nil else { return .invalid("an end record needs \"end\"") }
        case .hand:
            guard let value = record.hand else { return .invalid("a hand record needs \"hand\"") }
            if let problem = owner(value.learner, learner) { return problem }
            guard stepIds.contains(value.step) else { return .otherVersion("no step \(value.step) in the served runbook") }
        case .start:
            guard let value = record.start else { return .invalid("a start record needs \"start\"") }
            if let problem = owner(value.learner, learner) { return problem }
            guard stepIds.contains(value.step) else { return .otherVersion("no step \(value.step) in the served runbook") }
        case .unknown:
            return .invalid("not a record type this board knows")
        }
        return nil
    }

    private func owner(_ named: String, _ learner: String) -> Problem? {
        named == learner ? nil : .invalid("the record is learner \(named)'s; this token is learner \(learner)'s")
    }

    /// A decoding error in a few words.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not JSON" }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing " + (path(context) + ".\(key.stringValue)").drop { $0 == "." }
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context): return context.codingPath.isEmpty ? "not JSON" : "\(path(context)): \(context.debugDescription)"
        @unknown default: return "not valid"
        }
    }
}
