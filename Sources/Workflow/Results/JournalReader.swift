import Foundation
import Text

/// Rebuilds `RunResults` from a `journal.jsonl`, line by line, so that a crashed run can still be reported.
public enum JournalReader {
    /// Why a journal cannot be read.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// What is wrong, with the file and line.
        public var description: String
    }

    /// Hands each record of the journal at `path` to `take`, with its line, in order. A torn last
    /// line is ignored (the run died while writing it; everything before it counts); any other
    /// line that is not a record is an error naming FILE:LINE.
    static func records(path: String, _ take: (JournalRecord, JSONLine) -> Void) throws(Failure) {
        guard let lines = JSONLinesReader(path: path) else { throw Failure(description: "\(path): cannot open the journal") }
        let decoder = JSONDecoder.runbook
        for line in lines where !line.bytes.isEmpty {
            let record: JournalRecord
            do {
                record = try decoder.decode(JournalRecord.self, from: line.bytes)
            } catch {
                if !line.isTerminated { return }
                throw Failure(description: "\(path):\(line.number): not a journal record (\(error.localizedDescription))")
            }
            take(record, line)
        }
    }

    /// The results recorded in the journal at `path`; a torn last line is ignored.
    public static func read(path: String) throws(Failure) -> RunResults {
        var header: RunHeader?
        var footer: RunFooter?
        var preflights: [String: PreflightRecord] = [:]
        var setups: [String: LearnerRecord] = [:]
        var steps: [String: [String: StepResult]] = [:]
        var cleanups: [String: [ProbeResult]] = [:]
        try records(path: path) { record, _ in
            switch record.type {
            case .run: header = record.run
            case .learner: if let value = record.learner { setups[value.learner] = value }
            case .preflight: if let value = record.preflight { preflights[value.learner] = value }
            case .step: if let value = record.step { steps[value.learner, default: [:]][value.step] = value }
            case .cleanup: if let value = record.cleanup { cleanups[value.learner, default: []].append(value.result) }
            case .end: footer = record.end
            case .hand, .start, .unknown: break  // the class board's and timings'; not results
            }
        }
        guard let header else { throw Failure(description: "\(path): no run record; is this a runbook journal?") }
        let learners = header.learners.map { learner in
            LearnerResult(
                id: learner.id, name: learner.name, preflight: preflights[learner.id],
                steps: header.steps.compactMap { steps[learner.id]?[$0.id] }, cleanup: cleanups[learner.id] ?? [],
                ports: setups[learner.id]?.ports ?? [:], workdir: setups[learner.id]?.workdir)
        }
        return RunResults(
            runId: header.runId, command: header.command, runbook: header.runbook, startedAt: header.startedAt,
            endedAt: footer?.endedAt, interrupted: footer?.interrupted ?? false, steps: header.steps, learners: learners,
            shard: header.shard)
    }
}
