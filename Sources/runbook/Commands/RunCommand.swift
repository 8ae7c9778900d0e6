import ArgumentParser
import Frontend
import Workflow

/// `runbook run [RUNBOOK]`: runs every step, checks expectations and probes, then cleanup.
struct RunCommand: KindsCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a runbook's steps and check what they print and leave behind.",
        discussion: "Exit status: 0 every step passed or was skipped, 1 a step failed, 2 invalid input, 130 interrupted."
    )

    @OptionGroup var path: RunbookPathArgument
    @OptionGroup var options: RunOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sharding: ShardOptions

    func run(kinds: KindRegistry) async throws {
        let preparation = RunPreparation(path: path.runbook, options: options.settings, output: output.settings, registry: kinds)
        var batch = BatchRun(preparation: preparation, policy: .run)
        batch.shardOption = sharding.shard
        try await batch.run()
    }
}
