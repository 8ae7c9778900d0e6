import Foundation
import Synchronization
import Workflow

/// Prints a run as it happens: one line per finished step, failure details with hint and output,
/// and on a terminal a live line with the running step, its elapsed time and latest output line.
public final class ProgressPrinter: RunObserver, Sendable {
    /// How much to print.
    public enum Verbosity: Sendable { case quiet, normal, verbose }

    private let style: TerminalStyle
    private let verbosity: Verbosity
    private let interactive: Bool
    private let multipleLearners: Bool
    private let steps: [String: String]
    private let state = Mutex(DrawState())

    /// What the printer has drawn and counted so far.
    public struct DrawState {
        /// Lines of the live block currently on screen.
        public var liveLines = 0
        /// Spinner frame.
        public var tick = 0
        /// Finished steps per learner: passed and failing counts.
        public var tallies: [String: (passed: Int, failing: Int)] = [:]
        /// Learners whose steps and cleanup are done.
        public var finished: Set<String> = []
        public var warned: Set<String> = []
    }

    public var wantsOutputLines: Bool { verbosity == .verbose }

    private let learnerCount: Int

    public init(
        style: TerminalStyle, verbosity: Verbosity, interactive: Bool, multipleLearners: Bool, runbook: Runbook, learnerCount: Int = 1
    ) {
        self.learnerCount = learnerCount
        self.style = style
        self.verbosity = verbosity
        self.interactive = interactive
        self.multipleLearners = multipleLearners
        steps = Dictionary(runbook.steps.map { ($0.id, $0.title?.raw ?? "") }, uniquingKeysWith: { first, _ in first })
    }

    public func handle(_ event: RunEvent) {
        switch event {
        case .preflightFinished(let record):
            guard record.status != .passed else { return }
            emit(style.yellow("⚠ \(record.learner): engine unreachable: \(VisibleText.sanitize(record.message ?? ""))") + "\n")
        case .stepStarted:
            break
        case .outputLine(let learner, let step, let stream, let line):
            let prefix = multipleLearners ? "\(learner) \(step)" : step
            emit(style.dim("  │ \(prefix)\(stream == .stderr ? " !" : ""): ") + VisibleText.sanitize(line) + "\n")
        case .stepFinished(let result):
            state.withLock { state in
                var tally = state.tallies[result.learner] ?? (0, 0)
                if result.status == .passed { tally.passed += 1 } else if result.status.isFailure { tally.failing += 1 }
                state.tallies[result.learner] = tally
            }
            if verbosity == .quiet && !result.status.isFailure { return }
            // With many learners on a terminal, only failures scroll by; the live block shows the rest.
            if multipleLearners && interactive && !result.status.isFailure { return }
            emit(render(result))
        case .cleanupFinished(let learner, let result):
            guard result.status != .passed, result.status != .skipped, verbosity != .quiet else { return }
            emit(
                style.dim(
                    "  cleanup \(result.index + 1)\(multipleLearners ? " (\(learner))" : ""): \(result.status.rawValue) \(VisibleText.sanitize(result.reason ?? ""))"
                ) + "\n")
        case .learnerFinished(let learner):
            _ = state.withLock { $0.finished.insert(learner) }
        case .warning(_, let message):
            // Once per text, however many learners it concerns.
            guard state.withLock({ $0.warned.insert(message).inserted }) else { return }
            emit(style.yellow("⚠ warning: \(VisibleText.sanitize(message))") + "\n")
        }
    }

    /// The line (and details) for a finished step.
    public func render(_ result: StepResult) -> String {
        let symbol = colored(result.status, result.symbol)
        let who = multipleLearners ? style.bold(result.learner) + " " : ""
        let title = VisibleText.sanitize(result.title ?? steps[result.step] ?? "")
        let duration = result.startedAt == nil ? "" : style.dim(" (\(Self.format(seconds: result.durationSeconds)))")
        var text = "\(symbol) \(who)\(result.step)  \(title)\(duration)"
        if result.attempts > 1 { text += style.dim(" after \(result.attempts) attempts") }
        if result.status == .skipped || result.status == .blocked, let reason = result.reason {
            text += style.dim(" — \(VisibleText.sanitize(reason))")
        }
        text += "\n"
        guard result.status.isFailure, result.status != .blocked else { return text }
        if let reason = result.shownReason { text += "    " + colored(result.status, VisibleText.sanitize(reason)) + "\n" }
        // A `why:` stands in for the check's own words; --verbose shows those too (SPEC 11.1).
        if verbosity == .verbose, result.why != nil, let reason = result.reason {
            text += style.dim("    (" + VisibleText.sanitize(reason) + ")") + "\n"
        }
        // A failed probe is shown with its own command and output, not the step's (SPEC 6.9).
        let probe = result.failingProbe
        let command = probe?.command ?? (probe == nil ? result.command : nil)
        let failures = probe?.failures ?? result.failures
        let excerpts = probe == nil ? result.excerpts : probe?.excerpts
        if let command { text += style.dim("    $ " + VisibleText.sanitize(command.display)) + "\n" }
        for failure in failures.prefix(3) where !failure.lines.isEmpty {
            let label = verbosity == .verbose ? "\(failure.matcher): \(failure.message)" : (failure.why ?? failure.matcher)
            text += style.dim("    \(VisibleText.sanitize(label)):") + "\n"
            for line in failure.lines.prefix(12) {
                text += style.dim(String(format: "%6d ", line.number)) + VisibleText.sanitize(line.text) + "\n"
            }
        }
        if failures.allSatisfy({ $0.lines.isEmpty }) {
            let excerpt = excerpts?.output
            let lines = (excerpt.map { $0.tail.isEmpty ? $0.head : $0.tail } ?? "").split(separator: "\n", omittingEmptySubsequences: false)
                .suffix(12)
            for line in lines where !line.isEmpty { text += "      " + VisibleText.sanitize(String(line)) + "\n" }
        }
        let hints = result.allHints.filter { !$0.isEmpty }
        for (index, hint) in hints.enumerated() {
            text += "    " + style.cyan("hint\(hints.count > 1 ? " \(index + 1)" : ""): ") + VisibleText.sanitize(hint) + "\n"
        }
        return text
    }

    /// Redraws the live view from `live` (called a few times a second on a terminal): one line for
    /// one learner; for several, the running and failing learners and a summary, within 22 rows.
    public func drawLive(_ live: LiveStatus) {
        guard interactive else { return }
        let activities = live.snapshot.sorted { $0.key < $1.key }
        let width = (TerminalStyle.width(of: 1) ?? 80) - 1
        state.withLock { state in
            state.tick += 1
            let spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"][state.tick % 10]
            var lines: [String] = []
            if multipleLearners {
                for (learner, activity) in activities.prefix(16) {
                    let tally = state.tallies[learner] ?? (0, 0)
                    let sample = activity.latestLine.map { " │ " + VisibleText.sanitize($0) } ?? ""
                    lines.append(
                        "\(spinner) \(learner)  \(activity.step) \(Self.format(seconds: Date().timeIntervalSince(activity.startedAt)))  ✓\(tally.passed) ✗\(tally.failing)\(sample)"
                    )
                }
                if activities.count > 16 { lines.append("  … \(activities.count - 16) more running") }
                let failing = state.tallies.filter { $0.value.failing > 0 }.map(\.key).sorted()
                if !failing.isEmpty {
                    let shown = failing.prefix(4).map { "\($0) (\(state.tallies[$0]!.failing))" }.joined(separator: ", ")
                    lines.append("✗ failing: \(shown)\(failing.count > 4 ? " +\(failing.count - 4)" : "")")
                }
                lines.append(
                    "\(state.finished.count)/\(learnerCount) learners done · \(activities.count) running · \(failing.count) with failures")
            } else if let (_, activity) = activities.first {
                let sample = activity.latestLine.map { " │ " + VisibleText.sanitize($0) } ?? ""
                lines.append("\(spinner) \(activity.step) \(Self.format(seconds: Date().timeIntervalSince(activity.startedAt)))\(sample)")
            }
            var output = Self.erase(state.liveLines)
            output += lines.map { line in style.dim(line.count > width ? String(line.prefix(width - 1)) + "…" : line) }.joined(
                separator: "\n")
            FileHandle.standardOutput.write(Data(output.utf8))
            state.liveLines = lines.count
        }
    }

    /// Clears the live view for good.
    public func clearLive() {
        guard interactive else { return }
        state.withLock { state in
            FileHandle.standardOutput.write(Data(Self.erase(state.liveLines).utf8))
            state.liveLines = 0
        }
    }

    /// Escapes that move to the start of a block of `lines` drawn lines (the cursor on its last) and clear it.
    private static func erase(_ lines: Int) -> String {
        guard lines > 0 else { return "\r\u{1B}[2K" }
        return "\r" + (lines > 1 ? "\u{1B}[\(lines - 1)A" : "") + "\u{1B}[J"
    }

    /// The learner × step matrix printed after a run with several learners.
    public func matrix(_ results: RunResults) -> String {
        let ids = results.steps.map(\.id)
        let nameWidth = min(24, results.learners.map { $0.id.count }.max() ?? 4)
        var text = "\n" + String(repeating: " ", count: nameWidth + 2)
        text += ids.indices.map { String(($0 + 1) % 10) }.joined(separator: " ") + "\n"
        for learner in results.learners {
            let name =
                learner.id.count > nameWidth
                ? String(learner.id.prefix(nameWidth - 1)) + "…" : learner.id.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            // One column per step: a fact of the machine keeps its status's symbol and is not counted.
            let cells = ids.map { id in
                learner.step(id).map { colored($0.status, $0.environment == true ? $0.status.symbol : $0.symbol) } ?? " "
            }
            let counted = ids.filter { learner.step($0)?.environment != true }.count
            text += style.bold(VisibleText.sanitize(name)) + "  " + cells.joined(separator: " ") + "  \(learner.passedCount)/\(counted)\n"
        }
        text += style.dim(ids.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: " · ")) + "\n"
        return text
    }

    private func emit(_ text: String) {
        state.withLock { state in
            var output = text
            if interactive {
                output = Self.erase(state.liveLines) + output
                state.liveLines = 0
            }
            FileHandle.standardOutput.write(Data(output.utf8))
        }
    }

    private func colored(_ status: StepStatus, _ text: String) -> String {
        switch status {
        case .passed: style.green(text)
        case .failed, .timeout, .error, .interrupted: style.red(text)
        case .blocked: style.yellow(text)
        case .skipped: style.dim(text)
        }
    }

    /// `0.4s`, `12s`, `1m05s`.
    public static func format(seconds: Double) -> String {
        if seconds < 10 { return String(format: "%.1fs", seconds) }
        if seconds < 60 { return "\(Int(seconds))s" }
        return String(format: "%dm%02ds", Int(seconds) / 60, Int(seconds) % 60)
    }
}
