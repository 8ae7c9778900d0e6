import Foundation
import Text
import Workflow

/// A command that starts a server in the foreground (its drafter says so, `DraftedCommand.runsUntilStopped`,
/// or an app run with `python3 app.py`, `node`, `npm start`): it never ends by itself, so its step runs in the background
/// (`background: true`) and passes on the ready line the text shows (`finish_on_match: true`).
enum ForegroundServer {
    /// Programs that run a server until stopped.
    static let programs: Set<String> = [
        "python", "python3", "node", "flask", "uvicorn", "gunicorn", "rails", "php", "npm", "yarn", "hugo", "jekyll", "http-server",
    ]

    /// Words of a line that say a server is ready.
    static let readyPattern =
        #"(?i)(listening|running on|serving|ready|started|accepting connections|up and running|available at|attaching to)"#

    /// The same for an app a program runs (a script's "started" is no server's).
    static let appReadyPattern = #"(?i)(listening|running on|serving|http://|port \d+)"#

    /// Makes `step` a background step on its ready line when its command starts a foreground server.
    static func settle(_ step: inout DraftStep, output: [String], drafter: OutputDrafter) {
        guard !step.command.tty, startsServer(step.command) else { return }
        let pattern = step.command.key == "sh" ? appReadyPattern : readyPattern
        guard let ready = output.last(where: { $0.range(of: pattern, options: .regularExpression) != nil }) else {
            step.notes.append(
                "runs in the foreground until stopped and the text shows no ready line: add `background: true`, "
                    + "`finish_on_match: true` and the line it prints when it is ready")
            return
        }
        // A multi-service log prefixes each line with its service (`web_1  | `): the ready text is after it.
        let text = ready.range(of: " | ").map { String(ready[$0.upperBound...]) } ?? ready
        guard let matcher = drafter.draft([text], relevant: []).matchers.first else { return }
        step.matchers = [matcher]
        step.background = true
        step.notes.append(
            "runs in the foreground until stopped: a background step, ready when it prints `\(text.trimmingCharacters(in: .whitespaces))`"
                + " (stopped at the end of the run, or by a later step `stop: ID` with this step's id)")
    }

    /// True for a server's command: one its drafter says runs until stopped, or an `sh:` line
    /// that runs an app with one of `programs`.
    static func startsServer(_ command: DraftedCommand) -> Bool {
        if command.runsUntilStopped { return true }
        guard command.key == "sh" else { return false }
        let words = command.words
        let line = ShellLine(command.text)
        guard !line.needsShell, let program = words.first, programs.contains(program) else { return false }
        if program == "npm" || program == "yarn" { return words.contains("start") || words.contains("dev") || words.contains("serve") }
        if program.hasPrefix("python") || program == "node" {
            return words.count >= 2 && !words[1].hasPrefix("-") || words.contains("http.server") || words.contains("flask")
        }
        return true
    }
}
