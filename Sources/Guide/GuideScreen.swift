import Board
import Foundation
import Frontend
import Synchronization
import Workflow

/// Everything `runbook guide` prints, sized for the terminal (readable at 80×24): step cards,
/// the output of a running step, outcomes with hints, help and the summary. Writes are serialized:
/// a step's output arrives from the runner's thread while the guide prints from its own task.
public final class GuideScreen: RunObserver, Sendable {
    /// Colours.
    public let style: TerminalStyle
    private let lock = Mutex(())
    private let streaming = Mutex(false)
    private let boardLink = Mutex<GuideBoard?>(nil)

    /// A step's output lines are wanted, to stream them.
    public var wantsOutputLines: Bool { true }

    /// Creates a screen with this styling.
    public init(style: TerminalStyle) {
        self.style = style
    }

    /// The terminal's width now (it may change between steps).
    public var width: Int { max(40, TerminalStyle.width(of: 1) ?? 80) }

    /// Prints lines.
    public func print(_ lines: [String]) {
        write(lines.map { $0 + "\n" }.joined())
    }

    /// Prints one line.
    public func print(_ line: String = "") {
        write(line + "\n")
    }

    /// Prints raw text, serialized with everything else.
    public func write(_ text: String) {
        lock.withLock { _ in _ = DescriptorWriter.writeAll(text, to: 1) }
    }

    /// Streams a step's output lines (they are already redacted); shows warnings.
    public func handle(_ event: RunEvent) {
        if case .warning(_, let message) = event {
            print(style.yellow("warning: \(VisibleText.sanitize(message))"))
            return
        }
        guard case .outputLine(_, _, let stream, let line) = event, streaming.withLock({ $0 }) else { return }
        let marker = stream == .stderr ? style.dim("  ┆ ") : style.dim("  │ ")
        print(marker + TerminalWidth.cut(VisibleText.sanitize(line), to: width - 5))
    }

    /// The class board, when the guide joined one (`--join`).
    public var board: GuideBoard? {
        get { boardLink.withLock { $0 } }
        set { boardLink.withLock { $0 = newValue } }
    }

    /// Turns the streaming of output lines on or off.
    public func streamOutput(_ on: Bool) {
        streaming.withLock { $0 = on }
    }

    /// The opening lines: the runbook and the learner.
    public func banner(runbook: Runbook, learner: Learner) {
        let title = runbook.title.map(VisibleText.sanitize) ?? (runbook.path as NSString).lastPathComponent
        print(
            style.bold("runbook guide") + " · " + style.bold(title)
                + style.dim(" · learner \(learner.id) · \(runbook.steps.count) step\(runbook.steps.count == 1 ? "" : "s")"))
        print(style.dim("Enter runs a step for you; c checks what you ran yourself; ? lists the keys."))
    }

    /// The card of a step: rule, title, explanation, the command to type.
    public func card(_ step: StepPresentation, total: Int, done: Int) {
        let width = self.width
        let label = " Step \(step.index + 1) of \(total) · \(step.id) "
        let count = " \(done)/\(total) done"
        let fill = max(3, min(width, 100) - 1 - 2 - TerminalWidth.columns(of: label) - TerminalWidth.columns(of: count))
        let rule = "──" + label + String(repeating: "─", count: fill) + count
        var lines = ["", style.bold(TerminalWidth.cut(rule, to: width - 1))]
        if let title = step.title { lines.append(style.bold(TerminalWidth.cut(VisibleText.sanitize(title), to: width - 1))) }
        if let say = step.say, !say.isEmpty {
            lines.append("")
            lines += MarkdownRenderer(style: style, width: width - 1).render(say)
        }
        lines.append("")
        lines += commandLines(step)
        lines.append("")
        print(lines)
    }

    /// The command block: `$ command`, its input, what is not known yet.
    public func commandLines(_ step: StepPresentation) -> [String] {
        var lines: [String] = []
        // Split before making control characters visible, so that a script's lines stay lines to paste.
        let commandLines = step.command.split(separator: "\n", omittingEmptySubsequences: false).map { VisibleText.sanitize(String($0)) }
        if commandLines.count == 1 {
            lines.append("  " + style.dim("$ ") + style.cyan(style.bold(commandLines[0])))
        } else {
            lines.append(style.dim("  (paste these lines into your shell as they are)"))
            for line in commandLines { lines.append("    " + style.cyan(style.bold(line))) }
        }
        if let input = step.input, !input.isEmpty {
            let shown = input.count > 40 ? String(input.prefix(40)) + "…" : input
            lines.append(style.dim("    (its standard input: \(VisibleText.sanitize(shown).replacingOccurrences(of: "^J", with: "⏎")))"))
        }
        if step.tty { lines.append(style.dim("    (runs in a terminal: when Enter runs it here, what you type goes to it)")) }
        if !step.unresolved.isEmpty {
            lines.append(
                style.yellow(
                    "    (not known yet: \(step.unresolved.map { "${\($0)}" }.joined(separator: ", ")) — an earlier step captures it)"))
        }
        return lines
    }

    /// The line of keys that apply now.
    public func keys(afterFailure: Bool, hasProbes: Bool) {
        var parts = [afterFailure ? "Enter/r run it again" : "Enter run it"]
        parts.append(hasProbes ? "c I ran it, check" : "c check")
        parts += ["s skip"]
        let board = self.board
        if board != nil { parts.append("h raise hand") }
        parts += ["q quit", "? help"]
        print(
            style.dim("  ")
                + parts.map { part in
                    let split = part.split(separator: " ", maxSplits: 1)
                    return style.bold(String(split[0])) + " " + style.dim(String(split.count > 1 ? split[1] : ""))
                }.joined(separator: style.dim(" · ")))
        if let board { print(boardLine(board.state)) }
    }

    /// The status line of the class board: `board: joined as ada`, `board: 3 records waiting, …`.
    public func boardLine(_ state: BoardState) -> String {
        let text = TerminalWidth.cut("  board: " + VisibleText.sanitize(state.summary), to: width - 1)
        switch state {
        case .joined, .connecting: return style.dim(text)
        case .unreachable, .refused: return style.yellow(text)
        }
    }

    /// What `h` did: a hand the board acknowledged, one waiting for the board, or no board at all.
    public func handRaised(_ delivery: HandDelivery?) {
        switch delivery {
        case .raised?:
            paragraph("  ✋ Hand raised: the instructor sees it on the class board until your next passed step.", style.yellow)
        case .waiting(let why)?:
            let shown = VisibleText.sanitize(why)
            paragraph("  ✋ Your hand is not on the board yet: \(shown); it goes up when the board answers.", style.yellow)
        case .refused(let why)?:
            paragraph("  No hand raised: the class board refuses you (\(VisibleText.sanitize(why))).", style.yellow)
        case nil:
            paragraph("  No class board: start the guide with --join URL (the join line of runbook serve) to raise a hand.", style.yellow)
        }
    }

    /// The explanation of the keys.
    public func help() {
        print([
            "",
            style.bold("  Keys"),
            "  " + style.bold("Enter") + "  run the command shown, here; its output streams below, then ✓ or ✗",
            "  " + style.bold("c") + "      you ran it yourself in another terminal: check the result",
            "  " + style.bold("s") + "      skip this step (you can come back to it: it stays not done)",
            "  " + style.bold("r") + "      retry after a failure",
            "  " + style.bold("?") + "      this help; after a failed attempt, also the step's next hint",
            "  " + style.bold("q") + "      save and quit; `runbook guide` later resumes where you stopped",
            "  " + style.bold("h") + "      raise your hand on the class board (--join URL) until your next passed step",
            "  " + style.bold("Ctrl-C") + " stops a running step; a second Ctrl-C saves and quits",
            "",
        ])
    }

    /// What happened to a step.
    public func outcome(_ result: StepResult, checked: Bool) {
        let width = self.width
        let duration = result.startedAt == nil ? "" : style.dim(" (\(ProgressPrinter.format(seconds: result.durationSeconds)))")
        var lines: [String] = []
        switch result.status {
        case .passed:
            let text = checked ? "Done: the check passed" : "Passed"
            lines.append("  " + style.green("✓ \(text)") + duration)
            if result.background == true {
                lines.append("  " + style.dim("↻ running in the background; its stop step (or the end of the guide) stops it"))
            }
            for (name, value) in result.captured.sorted(by: { $0.key < $1.key }) {
                lines.append(style.dim(TerminalWidth.cut("    captured \(name) = \(VisibleText.sanitize(value))", to: width - 1)))
            }
        case .skipped, .blocked:
            lines.append(
                "  " + style.dim("\(result.status.symbol) \(result.status == .skipped ? "Skipped" : "Blocked")")
                    + style.dim(result.reason.map { ": " + VisibleText.sanitize($0) } ?? ""))
        case .failed, .timeout, .error, .interrupted:
            let head: String
            switch result.status {
            case .timeout: head = "⏱ Timed out"
            case .error: head = "⚠ Could not run"
            case .interrupted: head = "◌ Stopped"
            default: head = checked ? "✗ Not done yet" : "✗ Failed"
            }
            lines.append("  " + style.red(head) + duration)
            if let reason = result.shownReason, result.status != .interrupted {
                lines += wrap(VisibleText.sanitize(reason), indent: "    ", width: width).map { style.red($0) }
            }
            lines += relevantLines(result, width: width)
        }
        print(lines)
    }

    /// The output lines that show why a step failed: those of the failed matchers, else the last lines.
    private func relevantLines(_ result: StepResult, width: Int) -> [String] {
        var lines: [String] = []
        let failures = result.failures.isEmpty ? result.verify.flatMap(\.failures) : result.failures
        let numbered = failures.flatMap(\.lines).filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
        if !numbered.isEmpty {
            for line in numbered.prefix(6) {
                lines.append(
                    style.dim(String(format: "    %5d │ ", line.number))
                        + TerminalWidth.cut(VisibleText.sanitize(line.text), to: width - 13))
            }
            return lines
        }
        guard result.status != .interrupted else { return [] }
        let excerpt = result.excerpts?.output ?? result.verify.last(where: { $0.status != .passed })?.excerpts?.output
        let text = excerpt.map { $0.tail.isEmpty ? $0.head : $0.tail } ?? ""
        for line in text.split(separator: "\n").suffix(4) {
            lines.append(style.dim("      │ ") + TerminalWidth.cut(VisibleText.sanitize(String(line)), to: width - 9))
        }
        return lines
    }

    /// Prints `text` wrapped to the width, in `color`; leading newlines print blank lines first and
    /// leading spaces become the indent of every line.
    public func paragraph(_ text: String, _ color: (String) -> String = { $0 }) {
        var body = Substring(text)
        while body.first == "\n" {
            print()
            body = body.dropFirst()
        }
        let indent = String(body.prefix { $0 == " " })
        print(wrap(String(body.dropFirst(indent.count)), indent: indent, width: width).map(color))
    }

    /// Plain word wrap for reasons.
    public func wrap(_ text: String, indent: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty && TerminalWidth.columns(of: indent + line + " " + word) > width - 1 {
                lines.append(indent + line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(indent + line) }
        return lines.map { TerminalWidth.cut($0, to: width - 1) }
    }

    /// The closing table: one line per step with its latest status.
    public func summary(steps: [Step], results: [String: StepResult]) {
        let width = self.width
        var lines = ["", style.bold("── Summary " + String(repeating: "─", count: max(3, min(width, 80) - 12)))]
        let idWidth = min(20, (steps.map(\.id.count).max() ?? 0) + 2)
        var counts: [StepStatus: Int] = [:]
        var notDone = 0
        for step in steps {
            let result = results[step.id]
            let symbol = result?.status.symbol ?? "·"
            if let status = result?.status { counts[status, default: 0] += 1 } else { notDone += 1 }
            var text = "\(symbol) " + step.id.padding(toLength: max(idWidth, step.id.count + 1), withPad: " ", startingAt: 0)
            text += result?.title ?? step.title?.raw ?? ""
            if let result, result.status != .passed, let reason = result.shownReason { text += " — " + reason }
            let line = TerminalWidth.cut(VisibleText.sanitize(text), to: width - 1)
            switch result?.status {
            case .passed: lines.append(style.green(String(line.prefix(1))) + String(line.dropFirst()))
            case .failed, .timeout, .error, .interrupted: lines.append(style.red(line))
            case .skipped, .blocked, nil: lines.append(style.dim(line))
            }
        }
        var parts = StepStatus.allCases.compactMap { status in counts[status].map { "\($0) \(status.rawValue)" } }
        if notDone > 0 { parts.append("\(notDone) not done") }
        lines.append(parts.joined(separator: ", "))
        print(lines)
    }
}
