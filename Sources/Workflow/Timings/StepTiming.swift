import Foundation

/// How long learners took on one step (SPEC 11.3): from the step shown (guide) or started (run)
/// to its first pass, idle stretches left out; over the `n` learners who passed it.
public struct StepTiming: Sendable, Codable, Hashable {
    /// The step's id.
    public var step: String
    /// How many learners passed the step (the sample).
    public var n: Int
    /// The median, in seconds; nil when nobody passed the step.
    public var medianSeconds: Double?
    /// The 90th percentile (nearest rank), in seconds; nil when nobody passed the step.
    public var p90Seconds: Double?

    /// Creates a timing.
    public init(step: String, n: Int, medianSeconds: Double?, p90Seconds: Double?) {
        self.step = step
        self.n = n
        self.medianSeconds = medianSeconds
        self.p90Seconds = p90Seconds
    }

    /// The timing of `seconds` (one learner's time each, any order).
    public init(step: String, seconds: [Double]) {
        let sorted = seconds.sorted()
        self.init(step: step, n: sorted.count, medianSeconds: Self.median(sorted), p90Seconds: Self.percentile(90, of: sorted))
    }

    /// The median of `sorted` (the mean of the two middle values for an even count); nil when empty.
    public static func median(_ sorted: [Double]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The `percent`th percentile of `sorted` by nearest rank (the value at rank ⌈p·n/100⌉); nil when empty.
    public static func percentile(_ percent: Int, of sorted: [Double]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = (percent * sorted.count + 99) / 100
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    /// `docs --timings`: the median in whole minutes, at least 1 ("about N min"); nil without one.
    public var aboutMinutes: Int? {
        medianSeconds.map { max(1, Int(($0 / 60).rounded())) }
    }
}
