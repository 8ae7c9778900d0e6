/// Percentiles of measured durations.
enum Percentile {
    /// The `fraction` percentile (0.5, 0.99) of `values` in milliseconds, nearest rank.
    static func of(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}
