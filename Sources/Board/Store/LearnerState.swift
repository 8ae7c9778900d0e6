import Foundation
import Workflow

/// One learner as the board sees it: the fold of the records stored for them, in seq order.
struct LearnerState: Sendable {
    /// The learner's id.
    let id: String
    /// The display name, from their latest run record.
    var name: String?
    /// The highest seq stored (they are stored contiguously from 1).
    var acked = 0
    /// The digest of each stored line, by seq - 1, to recognise a retried push.
    var digests: [UInt64] = []
    /// The latest result of each step.
    var cells: [String: BoardCell] = [:]
    /// The distinct failed or timed-out results of each step (by end time; a guide re-journals old ones).
    var failures: [String: Set<Date>] = [:]
    /// A raised hand, until the next step passed after it.
    var hand: HandRecord?
    /// When the learner last passed a step, else when their latest run started.
    var lastProgress: Date?
    /// When their first run stored here started (the board lists learners without a roster by it).
    var firstStarted: Date?
    /// The step they were shown (guide) or started (run) last, and when: the step they are on.
    var current: StepStartRecord?

    /// Creates a learner with nothing stored.
    init(id: String) {
        self.id = id
    }

    /// Takes one stored record (at `offset`, `length` bytes, in the learner's journal) into account.
    mutating func apply(_ line: StoredLine, offset: Int) {
        acked = line.seq
        digests.append(line.digest)
        let record = line.record
        switch record.type {
        case .run:
            guard let header = record.run else { return }
            if let learner = header.learners.first(where: { $0.id == id }) { name = learner.name }
            lastProgress = max(lastProgress ?? header.startedAt, header.startedAt)
            if firstStarted == nil { firstStarted = header.startedAt }
        case .step:
            guard let result = record.step else { return }
            let reason = result.shownReason.map { $0.count > 300 ? String($0.prefix(299)) + "…" : $0 }
            let hintsSeen = max(cells[result.step]?.hintsShown ?? 0, result.hintsShown ?? 0)
            cells[result.step] = BoardCell(
                status: result.status, reason: reason, title: result.title, attempts: result.attempts, endedAt: result.endedAt,
                offset: offset, length: line.bytes.count, hintsShown: hintsSeen)
            if result.status == .failed || result.status == .timeout { failures[result.step, default: []].insert(result.endedAt) }
            if result.status == .passed {
                lastProgress = max(lastProgress ?? result.endedAt, result.endedAt)
                if let raised = hand?.raisedAt, result.endedAt > raised { hand = nil }
            }
        case .hand:
            hand = record.hand
        case .start:
            if let start = record.start, start.at >= (current?.at ?? .distantPast) { current = start }
        case .learner, .preflight, .cleanup, .end, .unknown:
            break
        }
    }

    /// Why the learner is stuck now, or nil: a step failed or timed out twice and is still not
    /// passed, or (with `timings`) they are on a step for longer than its rule allows, or no step
    /// passed for `stuckAfter` while some are not done.
    func stuckReason(steps: [String], stuckAfter: TimeInterval, now: Date, timings: [String: StepTiming] = [:]) -> String? {
        for step in steps {
            guard let cell = cells[step], cell.status == .failed || cell.status == .timeout else { continue }
            let count = failures[step]?.count ?? 0
            if count >= 2 { return "\(cell.status == .timeout ? "timed out" : "failed") \(count) times at \(step)" }
        }
        if let onStep = stuckOnStep(timings: timings, now: now) { return onStep }
        let done = steps.allSatisfy { step in cells[step].map { $0.status == .passed || $0.status == .skipped } ?? false }
        if !done, let since = lastProgress, now.timeIntervalSince(since) >= stuckAfter {
            return "no step passed in \(DurationText.short(stuckAfter))"
        }
        return nil
    }
}
