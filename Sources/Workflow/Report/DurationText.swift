import Foundation

/// Durations and times as reports print them.
public enum DurationText {
    /// `0.4s`, `12s`, `3m05s`, `1h02m`.
    public static func short(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "–" }
        if seconds < 10 { return String(format: "%.1fs", seconds) }
        if seconds < 60 { return "\(Int(seconds))s" }
        let whole = Int(seconds)
        if whole < 3600 { return String(format: "%dm%02ds", whole / 60, whole % 60) }
        return String(format: "%dh%02dm", whole / 3600, (whole % 3600) / 60)
    }

    /// Seconds with millisecond precision, as JUnit's `time` attribute wants them (`12.345`).
    public static func seconds(_ seconds: Double) -> String {
        String(format: "%.3f", seconds.isFinite && seconds >= 0 ? seconds : 0)
    }

    /// `2026-11-25 08:56:01 UTC`, for people.
    public static func utc(_ date: Date) -> String {
        date.formatted(
            Date.VerbatimFormatStyle(
                format:
                    "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits) UTC",
                timeZone: .gmt, calendar: Calendar(identifier: .gregorian)))
    }

    /// `2026-11-25T08:56:01`, UTC without a zone suffix: the form of the JUnit schema's timestamp.
    public static func junitTimestamp(_ date: Date) -> String {
        date.formatted(
            Date.VerbatimFormatStyle(
                format:
                    "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits)T\(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits)",
                timeZone: .gmt, calendar: Calendar(identifier: .gregorian)))
    }
}
