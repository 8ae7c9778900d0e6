import ArgumentParser
import Frontend
import Workflow

/// `runbook validate [RUNBOOK]`: reports every problem of a runbook at once.
struct ValidateCommand: KindsCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a runbook without running anything.",
        discussion: "Prints every problem as FILE:LINE:COL: error: message with the source line; exits 2 when there is an error."
    )

    @OptionGroup var path: RunbookPathArgument
    @OptionGroup var output: OutputOptions

    func run(kinds: KindRegistry) async throws {
        let runbook = try RunbookFileLoader.load(path.runbook, output: output.settings, registry: kinds)
        if !output.quiet {
            let steps = runbook.steps.count
            StandardStreams.out("\(path.runbook): valid, \(steps) step\(steps == 1 ? "" : "s")\n")
        }
    }
}
