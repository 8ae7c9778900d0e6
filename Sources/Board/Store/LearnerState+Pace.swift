import Foundation
import Workflow

/// `serve --timings FILE` (SPEC 11.3): how long a learner has been on the step they were shown
/// (or started) last and have not passed, against the room's timings of that step.
extension LearnerState {
    /// The least time on a step before the per-step rule calls a learner stuck.
    static let minimumStuckSeconds: TimeInterval = 120

    /// The step the learner is on (shown or started last, not passed since) and for how long; nil
    /// when they are on none (no start record yet, or they passed it).
    func currentStep(now: Date) -> (step: String, seconds: TimeInterval)? {
        guard let current, cells[current.step]?.status != .passed else { return nil }
        return (current.step, max(0, now.timeIntervalSince(current.at)))
    }

    /// The per-step stuck rule: on the current step longer than its p90 plus its median (at least
    /// 2 minutes) without a pass; nil when not stuck, or when the step has no timing (then the
    /// `--stuck-after` rule applies).
    func stuckOnStep(timings: [String: StepTiming], now: Date) -> String?? {
        guard let (step, seconds) = currentStep(now: now), let timing = timings[step], let median = timing.medianSeconds else { return nil }
        let limit = max(Self.minimumStuckSeconds, median + (timing.p90Seconds ?? median))
        guard seconds >= limit else { return .some(nil) }
        return .some("on \(step) for \(DurationText.short(seconds)) (the room's median: \(DurationText.short(median)))")
    }

    /// Behind the room's median: on the current step for longer than that step's median; why, or nil.
    func behind(timings: [String: StepTiming], now: Date) -> String? {
        guard let (step, seconds) = currentStep(now: now), let median = timings[step]?.medianSeconds, seconds > median else { return nil }
        return "on \(step) for \(DurationText.short(seconds)), longer than the room's median (\(DurationText.short(median)))"
    }
}
