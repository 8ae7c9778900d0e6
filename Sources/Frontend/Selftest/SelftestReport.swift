import Workflow

/// The verdict of `runbook selftest`: per step, whether each probe proved it can fail and can pass;
/// then the defects, each naming its step.
public struct SelftestReport {
    /// The selftest's results (one learner).
    public let results: RunResults
    /// The runbook, for each step's probes; nil when it could not be read again.
    public let runbook: Runbook?
    /// Colours.
    public let style: TerminalStyle
    /// The terminal's width, for cutting long commands.
    public let width: Int

    /// The verdict on `results` of `runbook`, styled and cut to `width` columns.
    public init(results: RunResults, runbook: Runbook?, style: TerminalStyle, width: Int) {
        self.results = results
        self.runbook = runbook
        self.style = style
        self.width = width
    }

    /// The whole report, ending with a newline.
    public func render() -> String {
        guard let learner = results.learners.first else { return "" }
        var lines = ["", style.bold("selftest") + style.dim(" (learner \(learner.id))")]
        var defects: [String] = []
        var proven = 0
        var withoutProbes = 0
        var notExercised = 0
        let idWidth = min(24, (learner.steps.map(\.step.count).max() ?? 0) + 2)
        for result in learner.steps {
            let step = runbook?.step(result.step)
            let name = result.step.padding(toLength: max(idWidth, result.step.count + 1), withPad: " ", startingAt: 0)
            let proofs = step.map { SelftestJudge.proofs(of: result, step: $0) } ?? []
            if proofs.isEmpty {
                if result.status.isFailure {
                    lines.append(
                        style.red("✗") + " \(name)" + style.red("\(result.status.rawValue): \(VisibleText.sanitize(result.reason ?? ""))"))
                    defects.append("\(result.step): the step \(result.status.rawValue): \(result.reason ?? "no reason given")")
                } else if result.status == .skipped {
                    lines.append(style.dim("○ \(name)skipped: \(VisibleText.sanitize(result.reason ?? ""))"))
                } else {
                    withoutProbes += 1
                    lines.append(style.dim("· \(name)no verify probe"))
                }
                continue
            }
            if result.status == .skipped || result.status == .blocked {
                notExercised += proofs.count
                let count = proofs.count == 1 ? "1 probe" : "\(proofs.count) probes"
                let symbol = result.status == .skipped ? "○" : "⊘"
                lines.append(
                    style.dim(
                        "\(symbol) \(name)\(result.status.rawValue): \(VisibleText.sanitize(result.reason ?? "")) (\(count) not exercised)")
                )
                if result.status == .blocked { defects.append("\(result.step): blocked: \(result.reason ?? "")") }
                continue
            }
            let stepOK = proofs.allSatisfy { $0.provedCanFail && $0.provedCanPass } && !result.status.isFailure
            lines.append(
                (stepOK ? style.green("✓") : style.red("✗")) + " \(name)" + style.dim(result.title.map(VisibleText.sanitize) ?? ""))
            for proof in proofs {
                lines.append("    verify \(proof.index + 1): " + describe(proof.before) + ", " + describe(proof.after))
                if let command = proof.command {
                    lines.append(style.dim(cut("      $ " + VisibleText.sanitize(command))))
                }
                if proof.provedCanFail && proof.provedCanPass { proven += 1 }
            }
            var explained = false
            for proof in proofs {
                switch proof.before {
                case .passed:
                    defects.append(
                        "\(result.step): verify \(proof.index + 1) passed before the step ran, so it cannot tell a learner who skipped the step (add `verify_before: pass` if that state legitimately exists already)"
                    )
                    explained = true
                case .couldNotRun(let reason):
                    defects.append(
                        "\(result.step): verify \(proof.index + 1) could not run before the step (\(reason)), so it never showed that it can fail"
                    )
                    explained = true
                case .failed, .exempt, .notRun, .guarded:
                    break
                }
                if case .failed(let reason) = proof.after {
                    defects.append("\(result.step): verify \(proof.index + 1) does not pass after the step (\(reason))")
                    explained = true
                }
            }
            if result.status.isFailure && !explained {
                defects.append("\(result.step): the step \(result.status.rawValue): " + (result.reason ?? "no reason given"))
            }
        }
        lines.append("")
        if results.interrupted {
            lines.append(style.red("selftest interrupted") + ": \(proven) probe\(proven == 1 ? "" : "s") proven before the interrupt")
        } else if defects.isEmpty {
            var parts = ["\(proven) probe\(proven == 1 ? "" : "s") proved they can fail and can pass"]
            if withoutProbes > 0 { parts.append("\(withoutProbes) step\(withoutProbes == 1 ? "" : "s") without probes") }
            if notExercised > 0 { parts.append("\(notExercised) probe\(notExercised == 1 ? "" : "s") not exercised (step skipped)") }
            lines.append(style.green("selftest passed") + ": " + parts.joined(separator: "; "))
        } else {
            lines.append(style.red("selftest failed") + ": \(defects.count) defect\(defects.count == 1 ? "" : "s")")
            for defect in defects { lines.append("  ✗ step " + VisibleText.sanitize(defect)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `fails before ✓`, `passed before the step ✗ (it cannot fail)`…
    private func describe(_ before: ProbeProof.Before) -> String {
        switch before {
        case .failed: "fails before the step " + style.green("✓")
        case .passed: "passed before the step " + style.red("✗ (it cannot fail)")
        case .exempt(let passed): "may pass before (verify_before: pass; it \(passed ? "passed" : "failed")) " + style.green("✓")
        case .couldNotRun(let reason): "could not run before the step " + style.red("✗ (\(VisibleText.sanitize(reason)))")
        case .notRun: style.dim("not run before the step")
        case .guarded(let passed): "a guard, need not fail before (it \(passed ? "passed" : "failed")) " + style.green("✓")
        }
    }

    /// `passes after ✓`, `failed after the step ✗ (reason)`…
    private func describe(_ after: ProbeProof.After) -> String {
        switch after {
        case .passed: "passes after " + style.green("✓")
        case .failed(let reason): "failed after the step " + style.red("✗ (\(VisibleText.sanitize(reason)))")
        case .notRun(let reason): style.dim("not run after (\(VisibleText.sanitize(reason)))")
        }
    }

    /// The line cut to the terminal's width.
    private func cut(_ line: String) -> String {
        line.count > width - 1 ? String(line.prefix(max(10, width - 2))) + "…" : line
    }
}
