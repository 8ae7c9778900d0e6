import Foundation

/// What one learner's journals say about their time (SPEC 11.3): when each step was first shown
/// or started, when it first passed, and every moment the journal records them doing something.
///
/// Idle, as defined here: a stretch of more than `idleLimit` (10 minutes) in which the journal
/// records nothing of the learner — no step shown or started, no step running (a step's own
/// start to end counts as activity, however long it runs), no result, no raised hand, no session
/// starting or ending. Such a stretch is left out of the time on a step.
struct LearnerActivity: Sendable {
    /// Stretches longer than this without any record are idle.
    static let idleLimit: TimeInterval = 600

    /// The first time each step was shown (guide) or started (run).
    private(set) var firstStart: [String: Date] = [:]
    /// Each step's first pass: its end, and its own start (used when no start record precedes it).
    private(set) var firstPass: [String: (start: Date?, end: Date)] = [:]
    /// Moments and spans of activity, unsorted.
    private var spans: [(start: Date, end: Date)] = []

    /// A step shown or started at `date`.
    mutating func started(_ step: String, at date: Date) {
        if firstStart[step].map({ date < $0 }) ?? true { firstStart[step] = date }
        note(date)
    }

    /// A result of `step` that ran from `start` (nil when it never ran) to `end`.
    mutating func result(_ step: String, passed: Bool, start: Date?, end: Date) {
        if passed, firstPass[step].map({ end < $0.end }) ?? true { firstPass[step] = (start, end) }
        note(start ?? end, to: end)
    }

    /// Something recorded at `date` (to `end`, for a span).
    mutating func note(_ date: Date, to end: Date? = nil) {
        spans.append((date, max(date, end ?? date)))
    }

    /// The learner's time on `step`, idle stretches removed; nil when they never passed it.
    func seconds(on step: String) -> Double? {
        guard let pass = firstPass[step] else { return nil }
        let candidates = [firstStart[step], pass.start].compactMap { $0 }.filter { $0 <= pass.end }
        guard let from = candidates.min() else { return nil }
        return activeSeconds(from: from, to: pass.end)
    }

    /// Seconds from `from` to `to` without the idle stretches between them.
    func activeSeconds(from: Date, to: Date) -> Double {
        var total = to.timeIntervalSince(from)
        var reach: Date?
        for span in spans.sorted(by: { $0.start < $1.start }) {
            if let reach, span.start.timeIntervalSince(reach) > Self.idleLimit {
                // An idle gap: the part of it inside [from, to] does not count.
                let overlap = min(span.start, to).timeIntervalSince(max(reach, from))
                if overlap > 0 { total -= overlap }
            }
            reach = max(reach ?? span.end, span.end)
        }
        return max(0, total)
    }
}
