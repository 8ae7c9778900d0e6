/// A hint as `runbook guide` shows it (SPEC 11.1): its text and its place among the step's hints.
struct RevealedHint: Equatable, Sendable {
    /// The hint, substituted and redacted.
    var text: String
    /// Its place, from 1.
    var number: Int
    /// How many hints the step has.
    var total: Int

    /// `hint` for a step's only hint, `hint 2 of 3` for one of several.
    var label: String { total == 1 ? "hint" : "hint \(number) of \(total)" }

    /// What a failed attempt (or `?` after one) shows when `shown` of `hints` were shown already:
    /// the next hint, or the last one again once every hint is out; and how many are shown then.
    /// Nil when the step has no hint.
    static func next(of hints: [String], shown: Int) -> (hint: RevealedHint, shown: Int)? {
        guard !hints.isEmpty else { return nil }
        let index = min(max(shown, 0), hints.count - 1)
        return (RevealedHint(text: hints[index], number: index + 1, total: hints.count), max(shown, index + 1))
    }

    /// The first `shown` of `hints`, as shown before (a resumed guide repeats them under the card).
    static func seen(of hints: [String], shown: Int) -> [RevealedHint] {
        hints.prefix(max(0, shown)).enumerated().map { RevealedHint(text: $0.element, number: $0.offset + 1, total: hints.count) }
    }
}
