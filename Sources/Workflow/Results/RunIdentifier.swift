import Foundation

/// Run ids such as `20261125t085601-ab12`: sortable by time, unique enough, `[0-9a-z-]+` (SPEC 4).
public enum RunIdentifier {
    /// A fresh id for a run starting now.
    public static func make(date: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let stamp = String(
            format: "%04d%02d%02dt%02d%02d%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        let suffix = String((0..<4).map { _ in alphabet[Int.random(in: 0..<alphabet.count)] })
        return "\(stamp)-\(suffix)"
    }

    /// True for a valid run id.
    public static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."z").contains($0) || $0 == "-" }
    }
}
