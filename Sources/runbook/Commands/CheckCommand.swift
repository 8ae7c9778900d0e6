import ArgumentParser
import Workflow

/// `runbook check [RUNBOOK]`: runs only the verify probes, to see what learners already did.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run only the verify probes: what each learner has already done. No cleanup.",
        discussion: "Steps without a verify probe are skipped (\"no verify probe\")."
    )

    @OptionGroup var path: RunbookPathArgument
    @OptionGroup var options: RunOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sharding: ShardOptions

    func run() async throws {
        var batch = BatchRun(preparation: RunPreparation(path: path.runbook, options: options, output: output), policy: .check)
        batch.shardOption = sharding.shard
        try await batch.run()
    }
}
