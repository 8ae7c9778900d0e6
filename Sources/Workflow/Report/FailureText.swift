/// A step's failure as plain text: reason, command, exit code, failed expectations with their
/// lines, failed verify probes, hints. JUnit's failure body and the class board's cell use it. A
/// check with a `why:` is told in the learner's words, in place of the check's own (SPEC 11.1).
public enum FailureText {
    /// The plain-text explanation of `result` (raw: the caller escapes it for its format); without
    /// `commandAndHint`, for a view that shows the command and the hint apart (the class board).
    public static func plain(_ result: StepResult, commandAndHint: Bool = true) -> String {
        var text = ""
        if let reason = result.shownReason, !reason.isEmpty { text += reason + "\n" }
        if commandAndHint, result.failingProbe == nil, let command = result.command { text += "$ " + command.display + "\n" }
        var facts: [String] = []
        if let code = result.exitCode { facts.append("exit code \(code)") }
        if result.startedAt != nil { facts.append("after \(DurationText.short(result.durationSeconds))") }
        if result.attempts > 1 { facts.append("\(result.attempts) attempts") }
        if !facts.isEmpty { text += facts.joined(separator: ", ") + "\n" }
        for failure in result.failures { text += "\n" + describe(failure) }
        for probe in result.verify where probe.status != .passed && probe.status != .skipped {
            text += "\nverify \(probe.index + 1): \(probe.status.rawValue)"
            if let reason = probe.why ?? probe.reason { text += ": " + reason }
            text += "\n"
            if let command = probe.command { text += "$ " + command.display + "\n" }
            for failure in probe.failures { text += describe(failure, explainedBy: probe.why) }
        }
        if commandAndHint { text += hints(result.allHints) }
        return text
    }

    /// The hints as lines: `hint: …`, or `hint 1 of 2: …` for each of several; empty without hints.
    public static func hints(_ hints: [String]) -> String {
        let shown = hints.filter { !$0.isEmpty }
        guard !shown.isEmpty else { return "" }
        let labels = shown.indices.map { shown.count > 1 ? "hint \($0 + 1) of \(shown.count)" : "hint" }
        return "\n" + zip(labels, shown).map { "\($0): \($1)\n" }.joined()
    }

    /// One failed expectation: `matcher: message` and what was expected (or its `why`), and the
    /// quoted lines; only the lines when the probe it belongs to is explained by its own `why`.
    public static func describe(_ failure: MatcherFailure, explainedBy probeWhy: String? = nil) -> String {
        var text = ""
        if failure.why != nil || probeWhy == nil { text += failure.shownText + "\n" }
        if failure.why == nil, probeWhy == nil, !failure.expected.isEmpty { text += "  expected: \(failure.expected)\n" }
        if !failure.lines.isEmpty {
            text +=
                ExcerptText.numbered(failure.lines).split(separator: "\n", omittingEmptySubsequences: false)
                .dropLast().map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        return text
    }
}
