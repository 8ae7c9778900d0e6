/// The instructor's checklist in Markdown (SPEC 4): a summary, the learner × step matrix of
/// status symbols, where the room is stuck (with the hints), then each learner's failures with
/// the relevant output in fenced blocks that no output can break out of.
public struct MarkdownReporter: Sendable {
    /// The results shown.
    public let matrix: ReportMatrix

    /// Creates the reporter.
    public init(results: RunResults) {
        matrix = ReportMatrix(results: results)
    }

    /// Lines of output quoted for a failure when no expectation quoted its own.
    static let outputLines = 30
    /// The cell of a step with no result.
    static let missingSymbol = "·"

    /// The whole document.
    public func render() -> String {
        var md = header()
        md += checklist()
        md += stuck()
        md += details()
        return md
    }

    private func header() -> String {
        let results = matrix.results
        var md = "# \(text(matrix.runbookTitle)): learner checklist\n\n"
        var facts = [
            "run \(text(results.runId))", text(results.command),
            "\(text(results.runbook.path)) (sha256 \(text(String(results.runbook.sha256.prefix(12)))))",
        ]
        facts.append("started \(DurationText.utc(results.startedAt))")
        if let duration = matrix.duration { facts.append("took \(DurationText.short(duration))") }
        md += facts.joined(separator: " · ") + "\n\n"
        let counts = matrix.statusCounts
        let parts = StepStatus.allCases.compactMap { status in counts[status].map { "\(status.symbol) \($0) \(status.rawValue)" } }
        md += "**\(matrix.learnersPassed) of \(matrix.learners.count) learner\(matrix.learners.count == 1 ? "" : "s") passed.**"
        if !parts.isEmpty { md += " " + parts.joined(separator: " · ") }
        md += "\n\n"
        if results.endedAt == nil {
            md +=
                "> **Incomplete:** the run stopped before it finished (no end record in the journal); steps without a result show as \(Self.missingSymbol).\n\n"
        } else if results.interrupted {
            md += "> **Interrupted:** the run was stopped with Ctrl-C (or a signal) before every step ran.\n\n"
        }
        return md
    }

    private func checklist() -> String {
        var md = "## Checklist\n\n"
        guard !matrix.learners.isEmpty, !matrix.steps.isEmpty else { return md + "No learners or no steps.\n\n" }
        md += "| Learner | Name | " + matrix.steps.map { text($0.id) }.joined(separator: " | ") + " | Passed |\n"
        md += "|:--|:--|" + String(repeating: ":-:|", count: matrix.steps.count) + "--:|\n"
        for learner in matrix.learners {
            let cells = matrix.steps.map { step in matrix.result(learner: learner.id, step: step.id)?.symbol ?? Self.missingSymbol }
            md += "| \(text(learner.id)) | \(text(learner.name ?? "")) | " + cells.joined(separator: " | ")
            md += learner.notRun == nil ? " | \(matrix.passedCount(learner))/\(matrix.countedSteps) |\n" : " | not run |\n"
        }
        md += "\n"
        for learner in matrix.learners where learner.notRun != nil {
            md += "**Not run:** \(text(learner.id)): \(text(learner.notRun ?? ""))\n\n"
        }
        let legend =
            StepStatus.allCases.map { "\($0.symbol) \($0.rawValue)" } + StepResult.markLegend
            + (matrix.missingCount > 0 ? ["\(Self.missingSymbol) not run"] : [])
        md += "Legend: " + legend.joined(separator: " · ") + "\n\n"
        md +=
            "Steps: "
            + matrix.steps.enumerated().map { index, step in
                let title = matrix.title(of: step)
                return "\(index + 1). **\(text(step.id))**" + (title.isEmpty ? "" : " \(text(title))")
            }.joined(separator: " · ") + "\n\n"
        return md
    }

    private func stuck() -> String {
        var md = "## Where the room is stuck\n\n"
        let stuck = matrix.stuckSteps
        guard !stuck.isEmpty else { return md + "Nobody is stuck: no step failed, timed out, errored or was blocked.\n\n" }
        md +=
            "| Step | Title | Stuck | " + StuckStep.statuses.map { "\($0.symbol) \($0.rawValue)" }.joined(separator: " | ")
            + " | Learners | Hint |\n"
        md += "|:--|:--|--:|" + String(repeating: "--:|", count: StuckStep.statuses.count) + ":--|:--|\n"
        for entry in stuck {
            md += "| \(text(entry.step.id)) | \(text(matrix.title(of: entry.step))) | \(entry.total) | "
            md += StuckStep.statuses.map { String(entry.counts[$0] ?? 0) }.joined(separator: " | ")
            md += " | \(text(entry.learners.joined(separator: ", "))) | \(text(entry.hint ?? "")) |\n"
        }
        return md + "\n"
    }

    private func details() -> String {
        let learners = matrix.learners.filter { !matrix.problems(of: $0).isEmpty }
        guard !learners.isEmpty else { return "" }
        var md = "## Failures by learner\n\n"
        for learner in learners {
            md += "### \(text(learner.id))" + (learner.name.map { " — \(text($0))" } ?? "") + "\n\n"
            if let preflight = learner.preflight, preflight.status == .error {
                md += "Engine unreachable: \(text(preflight.message ?? "no answer"))\n\n"
            }
            for result in matrix.problems(of: learner) {
                md += problem(result, learner: learner)
            }
        }
        return md
    }

    private func problem(_ result: StepResult, learner: LearnerResult) -> String {
        let step =
            matrix.steps.first { $0.id == result.step } ?? RunHeader.StepInfo(id: result.step, title: result.title, hint: result.hint)
        let title = matrix.title(of: step, learner: learner.id)
        var md = "#### \(result.status.symbol) \(text(result.step))" + (title.isEmpty ? "" : " — \(text(title))") + "\n\n"
        var facts = ["**\(result.status.rawValue)**"]
        if result.startedAt != nil { facts.append("after \(DurationText.short(result.durationSeconds))") }
        if let code = result.exitCode { facts.append("exit code \(code)") }
        if result.attempts > 1 { facts.append("\(result.attempts) attempts") }
        md += facts.joined(separator: ", ")
        if let reason = result.shownReason, !reason.isEmpty { md += ": \(text(reason))" }
        md += "\n\n"
        guard result.status != .blocked else { return md }  // the needed step's own entry says what to fix
        let hints = result.allHints.filter { !$0.isEmpty }
        for (index, hint) in hints.enumerated() { md += "**Hint\(hints.count > 1 ? " \(index + 1)" : ""):** \(text(hint))\n\n" }
        let quoted = relevantOutput(result)
        if !quoted.isEmpty { md += MarkdownEscaper.codeBlock(quoted) + "\n" }
        return md
    }

    /// The command, the lines the failed expectations quote (or the output's last lines), the failed probes.
    private func relevantOutput(_ result: StepResult) -> String {
        var out = ""
        let ownFailure = result.failingProbe == nil
        if ownFailure, let command = result.command { out += "$ \(command.display)\n" }
        let quoting = result.failures.filter { !$0.lines.isEmpty }
        for failure in result.failures {
            out += failure.shownText + "\n"
            if !failure.lines.isEmpty { out += ExcerptText.numbered(failure.lines) }
        }
        if ownFailure, quoting.isEmpty, let output = result.excerpts?.output, output.totalLines > 0 {
            out += ExcerptText.last(Self.outputLines, of: output)
        }
        for probe in result.verify where probe.status != .passed && probe.status != .skipped {
            out += "verify \(probe.index + 1): \(probe.status.rawValue)\((probe.why ?? probe.reason).map { ": " + $0 } ?? "")\n"
            if let command = probe.command { out += "$ \(command.display)\n" }
            for failure in probe.failures where !failure.lines.isEmpty { out += ExcerptText.numbered(failure.lines) }
            if probe.failures.allSatisfy({ $0.lines.isEmpty }), let output = probe.excerpts?.output, output.totalLines > 0 {
                out += ExcerptText.last(Self.outputLines, of: output)
            }
        }
        return out
    }

    private func text(_ value: String) -> String { MarkdownEscaper.inline(value) }
}
