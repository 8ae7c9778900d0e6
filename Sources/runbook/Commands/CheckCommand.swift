import ArgumentParser
import Frontend
import Guide
import Workflow

/// `runbook check [RUNBOOK]`: runs only the verify probes, to see what learners already did.
struct CheckCommand: KindsCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run only the verify probes: what each learner has already done. No cleanup.",
        discussion: "Steps without a verify probe are skipped (\"no verify probe\")."
    )

    @OptionGroup var path: RunbookPathArgument
    @OptionGroup var options: RunOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sharding: ShardOptions

    func run(kinds: KindRegistry) async throws {
        let preparation = RunPreparation(path: path.runbook, options: options.settings, output: output.settings, registry: kinds)
        var batch = BatchRun(preparation: preparation, policy: .check)
        batch.shardOption = sharding.shard
        // The ports each learner's guide kept: what they typed by hand published those.
        batch.keptPorts = { sha256, learner in (try? GuideStateStore().load(sha256: sha256, learner: learner))?.ports }
        try await batch.run()
    }
}
