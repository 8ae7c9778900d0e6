/// TAP version 13 (SPEC 4): a plan, then one test point per learner × step; everything a step
/// printed goes only inside its YAML diagnostic block (`  ---` … `  ...`).
///
/// passed → `ok`, skipped → `ok … # SKIP reason`, blocked → `not ok … # blocked: reason`, failed,
/// timeout, error and interrupted → `not ok` with a diagnostic block; a step with no result (a
/// crashed run) is `ok … # SKIP not run`, with the reason when a merge of shards found none for the learner.
public struct TAPReporter: Sendable {
    /// The results shown.
    public let matrix: ReportMatrix

    /// Creates the reporter.
    public init(results: RunResults) {
        matrix = ReportMatrix(results: results)
    }

    /// Lines of a learner's output kept in a diagnostic block (the last ones).
    static let outputLines = 200

    /// The whole document.
    public func render() -> String {
        let count = matrix.learners.count * matrix.steps.count
        var tap = "TAP version 13\n"
        tap += count == 0 ? "1..0 # SKIP no learners or no steps\n" : "1..\(count)\n"
        let results = matrix.results
        tap += "# \(comment(matrix.runbookTitle)) (\(comment(results.runbook.path)), sha256 \(results.runbook.sha256.prefix(12)))"
        tap += ": \(comment(results.command)) \(comment(results.runId))\n"
        if results.endedAt == nil { tap += "# incomplete: the run stopped before it finished (no end record in the journal)\n" }
        if results.interrupted { tap += "# interrupted\n" }
        var number = 0
        for learner in matrix.learners {
            for step in matrix.steps {
                number += 1
                tap += point(number: number, learner: learner, step: step)
            }
        }
        return tap
    }

    private func point(number: Int, learner: LearnerResult, step: RunHeader.StepInfo) -> String {
        let title = matrix.title(of: step, learner: learner.id)
        let description = "\(learner.id): \(step.id)" + (title.isEmpty ? "" : " — \(title)")
        let head = "\(number) - \(Self.description(description))"
        guard let result = matrix.result(learner: learner.id, step: step.id) else {
            let why = learner.notRun.map { ControlCharacters.singleLine($0) } ?? "the journal holds no result for this step"
            return "ok \(head) # SKIP not run: \(why)\n"
        }
        let reason = ControlCharacters.singleLine(result.reason ?? "")
        switch result.status {
        case .passed:
            return "ok \(head)" + (result.mark.map { " (\($0))" } ?? "") + "\n"
        case .skipped:
            return "ok \(head) # SKIP \(reason.isEmpty ? "skipped" : reason)\n"
        case .blocked:
            return "not ok \(head) # blocked: \(reason)\n" + diagnostic(result)
        case .failed, .timeout, .error, .interrupted:
            return "not ok \(head)\n" + diagnostic(result)
        }
    }

    /// The YAML block of a step that did not pass.
    private func diagnostic(_ result: StepResult) -> String {
        var yaml = "  ---\n"
        let message = result.shownReason ?? result.failures.first?.shownText ?? result.status.rawValue
        yaml += "  message: \(YAMLScalar.quoted(message))\n"
        yaml += "  severity: \(result.status == .error || result.status == .interrupted ? "error" : "fail")\n"
        yaml += "  status: \(result.status.rawValue)\n"
        if let reason = result.shownReason { yaml += "  reason: \(YAMLScalar.quoted(reason))\n" }
        if let code = result.exitCode { yaml += "  exit_code: \(code)\n" }
        if result.startedAt != nil { yaml += "  duration_s: \(DurationText.seconds(result.durationSeconds))\n" }
        if result.attempts > 1 { yaml += "  attempts: \(result.attempts)\n" }
        if result.failingProbe == nil, let command = result.command { yaml += "  command: \(YAMLScalar.quoted(command.display))\n" }
        if let hint = result.hint, !hint.isEmpty { yaml += "  hint: \(YAMLScalar.quoted(hint))\n" }
        if let hints = result.hints, hints.count > 1 { yaml += "  hints:\n" + hints.map { "    - \(YAMLScalar.quoted($0))\n" }.joined() }
        if !result.failures.isEmpty {
            yaml += "  failures:\n"
            for failure in result.failures { yaml += failureItem(failure) }
        }
        let probes = result.verify.filter { $0.status != .passed && $0.status != .skipped }
        if !probes.isEmpty {
            yaml += "  verify:\n"
            for probe in probes {
                yaml += "    - probe: \(probe.index + 1)\n"
                yaml += "      status: \(probe.status.rawValue)\n"
                if let reason = probe.why ?? probe.reason { yaml += "      reason: \(YAMLScalar.quoted(reason))\n" }
                if let command = probe.command { yaml += "      command: \(YAMLScalar.quoted(command.display))\n" }
                if let code = probe.exitCode { yaml += "      exit_code: \(code)\n" }
                if let output = probe.excerpts?.output, output.totalLines > 0 {
                    yaml += YAMLScalar.block(key: "output", ExcerptText.last(Self.outputLines, of: output), indent: 6)
                }
            }
        }
        if result.failingProbe == nil, let output = result.excerpts?.output, output.totalLines > 0 {
            yaml += YAMLScalar.block(key: "output", ExcerptText.last(Self.outputLines, of: output), indent: 2)
        }
        yaml += "  ...\n"
        return yaml
    }

    private func failureItem(_ failure: MatcherFailure) -> String {
        var item = "    - matcher: \(YAMLScalar.quoted(failure.matcher))\n"
        item += "      expected: \(YAMLScalar.quoted(failure.expected))\n"
        item += "      message: \(YAMLScalar.quoted(failure.why ?? failure.message))\n"
        if let line = failure.sourceLine { item += "      runbook_line: \(line)\n" }
        if !failure.lines.isEmpty { item += YAMLScalar.block(key: "lines", ExcerptText.numbered(failure.lines), indent: 6) }
        return item
    }

    /// A test point's description: one line, `\` and `#` escaped as TAP 13 asks, so that no
    /// title can pose as a directive.
    static func description(_ text: String) -> String {
        ControlCharacters.singleLine(text).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "#", with: "\\#")
    }

    /// Text for a `#` comment line: one line.
    private func comment(_ text: String) -> String { ControlCharacters.singleLine(text) }
}
