/// Parses durations written as `90s`, `1m30s`, `100ms`, `2h`: one or more number+unit pairs, above zero.
public enum DurationSyntax {
    /// The duration, or nil when `text` does not match `^\d+(ms|s|m|h)(\d+(ms|s|m|h))*$` or is zero.
    public static func parse(_ text: String) -> Duration? {
        var total: Duration = .zero
        var scalars = Substring(text).unicodeScalars[...]
        guard !scalars.isEmpty else { return nil }
        while !scalars.isEmpty {
            var digits = 0
            var number: Int64 = 0
            while let first = scalars.first, ("0"..."9").contains(first) {
                guard number < 1_000_000_000 else { return nil }
                number = number * 10 + Int64(first.value - 48)
                digits += 1
                scalars = scalars.dropFirst()
            }
            guard digits > 0 else { return nil }
            if scalars.starts(with: "ms".unicodeScalars) {
                total += .milliseconds(number)
                scalars = scalars.dropFirst(2)
            } else if let unit = scalars.first, unit == "s" || unit == "m" || unit == "h" {
                total += .seconds(number * (unit == "s" ? 1 : unit == "m" ? 60 : 3600))
                scalars = scalars.dropFirst()
            } else {
                return nil
            }
        }
        return total > .zero ? total : nil
    }

    /// Why `text` is not a duration, for diagnostics.
    public static func problem(with text: String) -> String {
        if !text.isEmpty, text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "." }) {
            return "'\(text)' has no unit; add one: '\(text)s', '\(text)m' or '\(text)ms'"
        }
        if parse(text) == nil, text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || "mshd".unicodeScalars.contains($0) }),
            text.contains(where: { $0.isNumber }), !text.contains("d")
        {
            return "'\(text)' must be above zero"
        }
        return "'\(text)' is not a duration; write e.g. 90s, 1m30s, 100ms or 2h"
    }
}
