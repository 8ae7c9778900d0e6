import ArgumentParser
import Foundation
import Frontend
import Workflow

/// `runbook list [RUNBOOK]`: the steps as a table of ids, titles, commands and conditions.
struct ListCommand: KindsCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List a runbook's steps: id, title, command, conditions."
    )

    @OptionGroup var path: RunbookPathArgument
    @OptionGroup var output: OutputOptions

    func run(kinds: KindRegistry) async throws {
        let runbook = try RunbookFileLoader.load(path.runbook, output: output.settings, registry: kinds)
        let style = TerminalStyle(enabled: output.colored(for: 1))
        var table = TableRenderer(headers: ["ID", "TITLE", "CONDITIONS", "COMMAND"])
        for step in runbook.steps {
            var conditions = step.when.map(\.raw)
            if !step.needs.isEmpty { conditions.append("needs " + step.needs.joined(separator: ",")) }
            if step.tty { conditions.append("tty") }
            let command = step.command.key + ": " + step.command.displayText.replacingOccurrences(of: "\n", with: " ⏎ ")
            table.rows.append([step.id, step.title?.raw ?? "", conditions.joined(separator: "; "), command])
        }
        if let title = runbook.title { StandardStreams.out(style.bold(VisibleText.sanitize(title)) + "\n") }
        StandardStreams.out(table.render(maxWidth: TerminalStyle.width(of: 1), style: style))
    }
}
