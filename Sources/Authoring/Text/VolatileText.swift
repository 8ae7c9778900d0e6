import Foundation

/// The parts of command output that change from run to run (ids, digests, dates, times, durations,
/// sizes, "N seconds ago", run ids, temporary folders): `docs` shows them as placeholders, and
/// `import` turns them, and those placeholders, into regexes.
struct VolatileText {
    /// A piece of a line: text to keep, or text that changes.
    enum Segment: Hashable {
        /// Text that stays the same.
        case stable(String)
        /// Text that changes: what was there, the placeholder `docs` shows, the regex `import` matches it with.
        case volatile(text: String, placeholder: String, regex: String)
    }

    private struct Rule {
        var placeholder: String
        var find: NSRegularExpression
        var regex: String
        var inDocs: Bool
        var accept: (String) -> Bool
    }

    private let rules: [Rule]

    /// Compiles the rules; `decimals` also treats numbers with a fraction (`0.9154`) as volatile
    /// (for `import`: a tutorial's numbers come from someone else's run).
    init(decimals: Bool = false) {
        let elapsedUnits = "(?:second|minute|hour|day|week|month|year)s?"
        let elapsed = "(?:[Aa]bout |[Ll]ess than )?(?:an?|\\d+) \(elapsedUnits)"
        let durationUnit = "(?:ns|µs|us|ms|s|m|h)"
        var specs: [(String, String, String, Bool, (String) -> Bool)] = [
            ("sha256:<digest>", "sha256:[0-9a-f]{64}", "sha256:[0-9a-f]{64}", true, { _ in true }),
            ("<full-id>", "(?<![0-9A-Za-z])[0-9a-f]{64}(?![0-9A-Za-z])", "[0-9a-f]{64}", true, { _ in true }),
            ("<run-id>", "(?<![0-9a-z-])\\d{8}t\\d{6}-[0-9a-z]{4}(?![0-9a-z])", "[0-9a-z-]+", true, { _ in true }),
            ("<temp-dir>", "(?<![\\w/.])/tmp/[A-Za-z0-9._-]*[0-9][A-Za-z0-9._-]*", "/\\S+", true, { $0.count >= 11 }),
            ("<date>", "(?<![\\d-])\\d{4}-\\d{2}-\\d{2}(?![\\d-])", "\\d{4}-\\d{2}-\\d{2}", true, { _ in true }),
            (
                "<time>", "(?<![\\d:.])\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?(?!\\d)",
                "\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?", true, { _ in true }
            ),
            ("<N minutes ago>", "\(elapsed) ago", "(?:[Aa]bout |[Ll]ess than )?(?:an?|\\d+) \\w+ ago", true, { _ in true }),
            ("<N minutes>", "(?<=Up )\(elapsed)", "(?:[Aa]bout |[Ll]ess than )?(?:an?|\\d+) \\w+", true, { _ in true }),
            ("<size>", "(?<![\\w.])\\d+(?:\\.\\d+)? ?(?:B|[kKMGT]i?B)(?![\\w])", "\\d+(?:\\.\\d+)? ?(?:B|[kKMGT]i?B)", true, { _ in true }),
            ("<size>", "(?<=size: )\\d+(?!\\w)", "\\d+", true, { _ in true }),
            (
                "<duration>", "(?<![\\w.])\\d+(?:\\.\\d+)?\(durationUnit)(?:\\d+(?:\\.\\d+)?\(durationUnit))*(?![\\w])",
                "\\d+(?:\\.\\d+)?[a-zµ]+(?:\\d+(?:\\.\\d+)?[a-zµ]+)*", true, { _ in true }
            ),
            ("<id>", "(?<![0-9A-Za-z])[0-9a-f]{12}(?![0-9A-Za-z])", "[0-9a-f]{12}", true, Self.mixesDigitsAndLetters),
            ("<learner>", "(?!)", "${learner}", false, { _ in true }),
            ("<learner-name>", "(?!)", ".+", false, { _ in true }),
        ]
        if decimals {
            // A tutorial's versions, web dates and build hashes are its author's, years old: only their place is kept.
            let weekday = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
            let month = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
            specs += [
                (
                    "", "(?<![\\w.:/-])v?\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.]+)?(?![\\w.])", "v?\\d+(?:\\.\\d+)+(?:-[0-9A-Za-z.]+)?", false,
                    { _ in true }
                ),
                ("", "\(weekday), \\d{1,2} \(month) \\d{4}", "\\w{3}, \\d{1,2} \\w{3} \\d{4}", false, { _ in true }),
                ("", "(?<=build )[0-9a-f]{7,12}(?![0-9A-Za-z])", "[0-9a-f]+", false, { _ in true }),
                (
                    "", "(?:\(weekday) +)?\(month) +\\d{1,2}(?: +\\d{1,2}:\\d{2}(?![:\\d]))?(?![\\w])",
                    "(?:\\w{3} +)?\\w{3} +\\d{1,2}(?: +\\d{1,2}:\\d{2})?", false, { _ in true }
                ),
                ("", "(?<=(?:UTC|GMT) )(?:19|20)\\d{2}(?!\\d)", "\\d{4}", false, { _ in true }),
                ("", "(?<=0\\.0\\.0\\.0:)(?:3|4)\\d{4}(?!\\d)", "\\d+", false, { _ in true }),
                // Docker's random name of a container, last in a `docker ps` row.
                ("", "(?<=  )[a-z]{3,}_[a-z]{3,}\\d*$", "[a-z]+_[a-z]+\\d*", false, { _ in true }),
                ("", "(?<![\\w.:/-])\\d+\\.\\d+(?![\\w.-])", "\\d+\\.\\d+", false, { _ in true }),
            ]
        }
        rules = specs.compactMap { placeholder, pattern, regex, inDocs, accept in
            let alternatives = placeholder.isEmpty ? pattern : "\(pattern)|\(NSRegularExpression.escapedPattern(for: placeholder))"
            guard let find = try? NSRegularExpression(pattern: alternatives) else { return nil }
            return Rule(placeholder: placeholder, find: find, regex: regex, inDocs: inDocs, accept: accept)
        }
    }

    /// `line` cut into stable and volatile segments, in order; earlier rules win where matches overlap.
    func segments(_ line: String) -> [Segment] {
        let text = line as NSString
        var taken: [(range: NSRange, rule: Int)] = []
        for (number, rule) in rules.enumerated() {
            for match in rule.find.matches(in: line, range: NSRange(location: 0, length: text.length)) {
                let found = text.substring(with: match.range)
                guard match.range.length > 0, found == rule.placeholder || rule.accept(found) else { continue }
                if taken.contains(where: { NSIntersectionRange($0.range, match.range).length > 0 }) { continue }
                taken.append((match.range, number))
            }
        }
        var segments: [Segment] = []
        var position = 0
        for item in taken.sorted(by: { $0.range.location < $1.range.location }) {
            if item.range.location > position {
                segments.append(.stable(text.substring(with: NSRange(location: position, length: item.range.location - position))))
            }
            let rule = rules[item.rule]
            segments.append(.volatile(text: text.substring(with: item.range), placeholder: rule.placeholder, regex: rule.regex))
            position = item.range.location + item.range.length
        }
        if position < text.length { segments.append(.stable(text.substring(from: position))) }
        return segments
    }

    /// `line` with every volatile part that `docs` hides replaced by its placeholder; where a
    /// table column follows (two blanks or more), its padding is changed so that columns stay aligned.
    func placeholders(_ line: String) -> String {
        let shown = Set(rules.filter(\.inDocs).map(\.placeholder))
        var output = ""
        var shift = 0
        for segment in segments(line) {
            switch segment {
            case .stable(let text):
                output += Self.padded(text, shift: shift)
                shift = 0
            case .volatile(let text, let placeholder, _):
                let replaced = shown.contains(placeholder) ? placeholder : text
                output += replaced
                shift = text.count - replaced.count
            }
        }
        return output
    }

    /// `text` whose leading padding (two blanks or more) grows by `shift` blanks, or shrinks by as
    /// many as it can while keeping two.
    static func padded(_ text: String, shift: Int) -> String {
        let blanks = text.prefix { $0 == " " }.count
        guard shift != 0, blanks >= 2 else { return text }
        return String(repeating: " ", count: max(2, blanks + shift)) + text.dropFirst(blanks)
    }

    /// True when a hex string has both a digit and a letter (a 12-digit number is not an id).
    private static func mixesDigitsAndLetters(_ text: String) -> Bool {
        text.contains(where: \.isNumber) && text.contains(where: \.isLetter)
    }
}
