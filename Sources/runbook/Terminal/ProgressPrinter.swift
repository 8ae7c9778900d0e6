import Foundation
import Synchronization
import Workflow

/// Prints a run as it happens: one line per finished step, failure details with hint and output,
/// and on a terminal a live line with the running step, its elapsed time and latest output line.
final class ProgressPrinter: RunObserver, Sendable {
    /// How much to print.
    enum Verbosity: Sendable { case quiet, normal, verbose }

    private let style: TerminalStyle
    private let verbosity: Verbosity
    private let interactive: Bool
    private let multipleLearners: Bool
    private let steps: [String: String]
    private let state = Mutex<(liveShown: Bool, tick: Int)>((false, 0))

    var wantsOutputLines: Bool { verbosity == .verbose }

    init(style: TerminalStyle, verbosity: Verbosity, interactive: Bool, multipleLearners: Bool, runbook: Runbook) {
        self.style = style
        self.verbosity = verbosity
        self.interactive = interactive
        self.multipleLearners = multipleLearners
        steps = Dictionary(runbook.steps.map { ($0.id, $0.title?.raw ?? "") }, uniquingKeysWith: { first, _ in first })
    }

    func handle(_ event: EngineEvent) {
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
            if verbosity == .quiet && !result.status.isFailure { return }
            emit(render(result))
        case .cleanupFinished(let learner, let result):
            guard result.status != .passed, result.status != .skipped, verbosity != .quiet else { return }
            emit(style.dim("  cleanup \(result.index + 1)\(multipleLearners ? " (\(learner))" : ""): \(result.status.rawValue) \(VisibleText.sanitize(result.reason ?? ""))") + "\n")
        case .learnerFinished:
            break
        }
    }

    /// The line (and details) for a finished step.
    func render(_ result: StepResult) -> String {
        let symbol = colored(result.status, result.status.symbol)
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
        if let reason = result.reason { text += "    " + colored(result.status, VisibleText.sanitize(reason)) + "\n" }
        if let command = result.command { text += style.dim("    $ " + VisibleText.sanitize(command.display)) + "\n" }
        for failure in result.failures.prefix(3) where !failure.lines.isEmpty {
            text += style.dim("    \(failure.matcher):") + "\n"
            for line in failure.lines.prefix(12) { text += style.dim(String(format: "%6d ", line.number)) + VisibleText.sanitize(line.text) + "\n" }
        }
        if result.failures.allSatisfy({ $0.lines.isEmpty }) {
            let excerpt = result.excerpts?.output
            let lines = (excerpt.map { $0.tail.isEmpty ? $0.head : $0.tail } ?? "").split(separator: "\n", omittingEmptySubsequences: false).suffix(12)
            for line in lines where !line.isEmpty { text += "      " + VisibleText.sanitize(String(line)) + "\n" }
        }
        if let hint = result.hint, !hint.isEmpty { text += "    " + style.cyan("hint: ") + VisibleText.sanitize(hint) + "\n" }
        return text
    }

    /// Redraws the live line from `live` (called a few times a second on a terminal).
    func drawLive(_ live: LiveStatus) {
        guard interactive else { return }
        let activities = live.snapshot.sorted { $0.key < $1.key }
        state.withLock { state in
            state.tick += 1
            var line = ""
            if let (learner, activity) = activities.first {
                let spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"][state.tick % 10]
                let elapsed = Self.format(seconds: Date().timeIntervalSince(activity.startedAt))
                let who = multipleLearners ? "\(learner) " : ""
                let others = activities.count > 1 ? " +\(activities.count - 1) running" : ""
                let sample = activity.latestLine.map { " │ " + VisibleText.sanitize($0) } ?? ""
                line = "\(spinner) \(who)\(activity.step) \(elapsed)\(others)\(sample)"
                let width = TerminalStyle.width(of: 1) ?? 80
                if line.count > width - 1 { line = String(line.prefix(width - 2)) + "…" }
            }
            FileHandle.standardOutput.write(Data(("\r\u{1B}[2K" + style.dim(line)).utf8))
            state.liveShown = !line.isEmpty
        }
    }

    /// Clears the live line for good.
    func clearLive() {
        guard interactive else { return }
        state.withLock { state in
            if state.liveShown { FileHandle.standardOutput.write(Data("\r\u{1B}[2K".utf8)) }
            state.liveShown = false
        }
    }

    private func emit(_ text: String) {
        state.withLock { state in
            var output = text
            if interactive && state.liveShown {
                output = "\r\u{1B}[2K" + output
                state.liveShown = false
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
    static func format(seconds: Double) -> String {
        if seconds < 10 { return String(format: "%.1fs", seconds) }
        if seconds < 60 { return "\(Int(seconds))s" }
        return String(format: "%dm%02ds", Int(seconds) / 60, Int(seconds) % 60)
    }
}
