import Foundation
import Workflow

/// One learner as the board sees it: the fold of the records stored for them, in seq order, and
/// of the ranges refused as another runbook version.
struct LearnerState: Sendable {
    /// The learner's id.
    let id: String
    /// The display name, from their latest run record.
    var name: String?
    /// The highest seq stored or refused (they follow each other from 1).
    var acked = 0
    /// Lines of the learner's journal in the store.
    var journalLines = 0
    /// The digests of the latest stored lines (a retried push is recognised by them), by seq.
    var digests = RecentDigests()
    /// The latest result of each step.
    var cells: [String: BoardCell] = [:]
    /// The distinct failed or timed-out results of each step (by end time; a guide re-journals old ones), a few at most.
    var failures: [String: Set<Date>] = [:]
    /// A raised hand, until the next step passed after it.
    var hand: HandRecord?
    /// When the learner last passed a step, else when their latest run started.
    var lastProgress: Date?
    /// When their first run stored here started (the board lists learners without a roster by it).
    var firstStarted: Date?
    /// The step they were shown (guide) or started (run) last, and when: the step they are on.
    var current: StepStartRecord?
    /// The command of their latest run (`guide`, `run`, `check`).
    var command: String?
    /// How their latest run ended; nil while it goes on.
    var ended: RunFooter?
    /// The refused range the learner is in (their latest run is of another runbook version); nil otherwise.
    var refusing: RefusedRange?
    /// The latest refused range, to answer a retried push of it again.
    var lastRefused: RefusedRange?

    /// Distinct failures kept per step: enough to say "failed N times" for small N.
    static let failuresKept = 9

    /// Creates a learner with nothing stored.
    init(id: String) {
        self.id = id
    }

    /// Takes one stored record (at `offset`, `length` bytes, in the learner's journal) into account.
    mutating func apply(_ line: StoredLine, offset: Int) {
        acked = line.seq
        journalLines += 1
        digests.append(line.digest, seq: line.seq)
        let record = line.record
        switch record.type {
        case .run:
            guard let header = record.run else { return }
            if let learner = header.learners.first(where: { $0.id == id }) { name = learner.name }
            lastProgress = max(lastProgress ?? header.startedAt, header.startedAt)
            if firstStarted == nil { firstStarted = header.startedAt }
            command = header.command
            ended = nil
            refusing = nil
        case .step:
            guard let result = record.step else { return }
            let reason = result.shownReason.map { $0.count > 300 ? String($0.prefix(299)) + "…" : $0 }
            let hintsSeen = max(cells[result.step]?.hintsShown ?? 0, result.hintsShown ?? 0)
            cells[result.step] = BoardCell(
                status: result.status, reason: reason, title: result.title, attempts: result.attempts, endedAt: result.endedAt,
                offset: offset, length: line.bytes.count, hintsShown: hintsSeen, undone: result.undone == true,
                environment: result.environment == true)
            if result.status == .failed || result.status == .timeout, failures[result.step, default: []].count < Self.failuresKept {
                failures[result.step, default: []].insert(result.endedAt)
            }
            if result.status == .passed {
                lastProgress = max(lastProgress ?? result.endedAt, result.endedAt)
                if let raised = hand?.raisedAt, result.endedAt > raised { hand = nil }
            }
        case .hand:
            hand = record.hand
        case .start:
            if let start = record.start, start.at >= (current?.at ?? .distantPast) { current = start }
        case .end:
            ended = record.end
        case .learner, .preflight, .cleanup, .unknown:
            break
        }
    }

    /// Takes a refused range into account: its seqs count as stored (no digest: any retry of them is taken).
    mutating func apply(_ range: RefusedRange) {
        guard range.to > acked, range.from <= acked + 1 else { return }
        for seq in (acked + 1)...range.to { digests.append(0, seq: seq) }
        acked = range.to
        // A refused run pushed over several batches is one range to the learner.
        var whole = range
        if let last = lastRefused, last.to + 1 >= range.from, last.reason == range.reason { whole.from = min(last.from, range.from) }
        refusing = whole
        lastRefused = whole
    }

    /// Why the learner is stuck now, or nil: their run is of another runbook version; they left
    /// the guide before its last step ("left at STEP"); a step failed or timed out twice and is
    /// still not passed; or, while the run goes on, (with `timings`) they are on a step for longer
    /// than its rule allows, or no step passed for `stuckAfter` while some are not done.
    func stuckReason(steps: [String], stuckAfter: TimeInterval, now: Date, timings: [String: StepTiming] = [:]) -> String? {
        if refusing != nil { return "runs another version of the runbook" }
        let notDone = steps.first { step in cells[step].map { $0.status != .passed && !Self.isRunbookSkip($0) } ?? true }
        if let ended, command == "guide", let notDone {
            return "left at \(ended.step.flatMap { steps.contains($0) ? $0 : nil } ?? notDone)"
        }
        for step in steps {
            guard let cell = cells[step], cell.status == .failed || cell.status == .timeout else { continue }
            let count = failures[step]?.count ?? 0
            if count >= 2 { return "\(cell.status == .timeout ? "timed out" : "failed") \(count) times at \(step)" }
        }
        if ended == nil, let onStep = stuckOnStep(timings: timings, now: now) { return onStep }
        if notDone != nil, ended == nil, let since = lastProgress, now.timeIntervalSince(since) >= stuckAfter {
            return "no step passed in \(DurationText.short(stuckAfter))"
        }
        return nil
    }

    /// A step the runbook itself skipped (a condition false, not selected): done. A step the
    /// learner skipped in the guide, or never reached, is not.
    static func isRunbookSkip(_ cell: BoardCell) -> Bool {
        cell.status == .skipped && cell.reason != "skipped by the learner" && cell.reason != "not done yet"
    }
}
