import ArgumentParser
import Foundation

/// The `runbook` command: runs Docker workshop modules written as YAML runbooks.
@main
struct RunbookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runbook",
        abstract: "Run, check and guide Docker workshop modules written as YAML runbooks.",
        discussion: "Exit status: 0 success, 1 a step failed, 2 invalid input or arguments, 130 interrupted.",
        version: "0.1.0",
        subcommands: [
            ValidateCommand.self, ListCommand.self, RunCommand.self, CheckCommand.self, GuideCommand.self, SelftestCommand.self,
            ReportCommand.self, SchemaCommand.self, DocsCommand.self, ImportCommand.self, ServeCommand.self, ProbeHTTPCommand.self,
        ]
    )

    /// Parses and runs, mapping argument-parser's usage errors (64) to 2 as SPEC 3 asks.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            if let text = failure.text { StandardStreams.err(text) }
            Foundation.exit(failure.status)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
