/// A step's failure as plain text: reason, command, exit code, failed expectations with their
/// lines, failed verify probes, hint. JUnit's failure body and TAP's message use it.
public enum FailureText {
    /// The plain-text explanation of `result` (raw: the caller escapes it for its format); without
    /// `commandAndHint`, for a view that shows the command and the hint apart (the class board).
    public static func plain(_ result: StepResult, commandAndHint: Bool = true) -> String {
        var text = ""
        if let reason = result.reason, !reason.isEmpty { text += reason + "\n" }
        if commandAndHint, result.failingProbe == nil, let command = result.command { text += "$ " + command.display + "\n" }
        var facts: [String] = []
        if let code = result.exitCode { facts.append("exit code \(code)") }
        if result.startedAt != nil { facts.append("after \(DurationText.short(result.durationSeconds))") }
        if result.attempts > 1 { facts.append("\(result.attempts) attempts") }
        if !facts.isEmpty { text += facts.joined(separator: ", ") + "\n" }
        for failure in result.failures { text += "\n" + describe(failure) }
        for probe in result.verify where probe.status != .passed && probe.status != .skipped {
            text += "\nverify \(probe.index + 1): \(probe.status.rawValue)"
            if let reason = probe.reason { text += ": " + reason }
            text += "\n"
            if let command = probe.command { text += "$ " + command.display + "\n" }
            for failure in probe.failures { text += describe(failure) }
        }
        if commandAndHint, let hint = result.hint, !hint.isEmpty { text += "\nhint: " + hint + "\n" }
        return text
    }

    /// One failed expectation: `matcher: message`, what was expected, and the quoted lines.
    public static func describe(_ failure: MatcherFailure) -> String {
        var text = "\(failure.matcher): \(failure.message)\n"
        if !failure.expected.isEmpty { text += "  expected: \(failure.expected)\n" }
        if !failure.lines.isEmpty {
            text += ExcerptText.numbered(failure.lines).split(separator: "\n", omittingEmptySubsequences: false)
                .dropLast().map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        return text
    }
}
