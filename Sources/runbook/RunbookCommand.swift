import ArgumentParser
import Foundation
import Frontend
import Steps

/// The `runbook` command: runs Docker workshop modules written as YAML runbooks.
@main
struct RunbookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runbook",
        abstract: "Run, check and guide Docker workshop modules written as YAML runbooks.",
        discussion: """
            A learner, on any machine with Docker (Windows: in a WSL 2 shell):
              docker run --rm -it -v /var/run/docker.sock:/var/run/docker.sock \\
                -v "$PWD:$PWD" -w "$PWD" runbook:\(BuildInfo.version) \\
                guide --join URL --learner ID
            The same with the Linux binary: runbook guide --join URL --learner ID

            Exit status: 0 success, 1 a step failed, 2 invalid input or arguments,
            130 interrupted.
            """,
        version: "runbook \(BuildInfo.version) (\(BuildInfo.commit))",
        subcommands: [
            ValidateCommand.self, ListCommand.self, RunCommand.self, CheckCommand.self, GuideCommand.self, SelftestCommand.self,
            ReportCommand.self, SchemaCommand.self, DocsCommand.self, ImportCommand.self, RecordCommand.self, ServeCommand.self,
            ProbeHTTPCommand.self,
        ]
    )

    /// Parses and runs, mapping argument-parser's usage errors (64) to 2 as SPEC 3 asks. The
    /// registry of every kind and backend is made here, once, and handed to the command.
    ///
    /// The one error funnel: whatever a command fails with is printed here, once, on standard
    /// error: positioned problems as `FILE:LINE:COL: error: MESSAGE` with the source line and a
    /// caret, the others as `runbook: error: MESSAGE` (usage errors followed by the usage).
    static func main() async {
        ContainerRunner.prepareProcess()  // inside a container: the folder owner's identity, state under $PWD (SPEC 10.2)
        do {
            var command = try parseAsRoot()
            if let needsKinds = command as? any KindsCommand {
                try await needsKinds.run(kinds: StandardKinds.make())
            } else if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            StandardStreams.err(failure.rendered)
            Foundation.exit(failure.status)
        } catch {
            let code = exitCode(for: error)
            // Help and --version end here too (exit status 0), printed by argument-parser.
            guard code != .success else { exit(withError: error) }
            let full = fullMessage(for: error)
            let text = full.hasPrefix("Error: ") ? CommandFailure.line(.error, String(full.dropFirst("Error: ".count))) : full + "\n"
            StandardStreams.err(text)
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
