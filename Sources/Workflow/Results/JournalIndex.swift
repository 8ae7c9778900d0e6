import Foundation
import Text

/// What a journal holds, read in one pass without keeping the steps' results: where the latest
/// record of each learner × step is (to read it again when results.json is written) and its
/// status, and the small records whole. Memory grows with learners × steps, not with output.
struct JournalIndex {
    /// Where one step's latest record is in the journal, and its status.
    struct StepLocation {
        /// Byte offset of the record's line.
        var offset: UInt64
        /// Its length in bytes (without the LF).
        var length: Int
        /// Its status.
        var status: StepStatus
    }

    /// The run record.
    var header: RunHeader
    /// The end record, when the run ended.
    var footer: RunFooter?
    /// Each learner's preflight.
    var preflights: [String: PreflightRecord] = [:]
    /// Each learner's ports and folder.
    var setups: [String: LearnerRecord] = [:]
    /// Each learner's latest step records, by step id.
    var steps: [String: [String: StepLocation]] = [:]
    /// Each learner's cleanup items.
    var cleanups: [String: [ProbeResult]] = [:]

    /// Indexes the journal at `path`; a torn last line is ignored.
    static func read(path: String) throws(JournalReader.Failure) -> JournalIndex {
        var index: JournalIndex?
        var early: [JournalRecord] = []
        try JournalReader.records(path: path) { record, line in
            if case .run = record.type, let header = record.run { index = JournalIndex(header: header) }
            guard index != nil else { return early.append(record) }
            index?.add(record, offset: UInt64(line.offset), length: line.bytes.count)
        }
        guard var index else { throw .init(description: "\(path): no run record; is this a runbook journal?") }
        for record in early { index.add(record, offset: 0, length: 0) }
        return index
    }

    /// Takes one record into the index.
    mutating func add(_ record: JournalRecord, offset: UInt64, length: Int) {
        switch record.type {
        case .run, .hand, .start, .unknown: break
        case .learner: if let value = record.learner { setups[value.learner] = value }
        case .preflight: if let value = record.preflight { preflights[value.learner] = value }
        case .step:
            if let value = record.step, length > 0 {
                steps[value.learner, default: [:]][value.step] = StepLocation(offset: offset, length: length, status: value.status)
            }
        case .cleanup: if let value = record.cleanup { cleanups[value.learner, default: []].append(value.result) }
        case .end: footer = record.end
        }
    }
}
