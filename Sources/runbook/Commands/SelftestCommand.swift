import ArgumentParser
import Frontend
import Workflow

/// `runbook selftest [RUNBOOK]`: proves that every verify probe fails before its step and passes after it.
struct SelftestCommand: KindsCommand {
    static let configuration = CommandConfiguration(
        commandName: "selftest",
        abstract: "Prove the runbook's checks: every verify probe must fail before its step and pass after it.",
        discussion: """
            Runs every step in order as a fresh learner `selftest-<random>` (so that names derived from \
            ${learner} are new), runs each step's probes before the step (they must fail, unless the step \
            says `verify_before: pass`) and after it (they must pass), then the cleanup. With --learners, it \
            proves the runbook as each learner of the roster (their engines and vars; --shard deals them).
            Exit status: 0 every probe proved it can fail and can pass, 1 a defect, 2 invalid input, 130 interrupted.
            """
    )

    @OptionGroup var path: RunbookPathArgument
    @OptionGroup var options: RunOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sharding: ShardOptions

    func validate() throws {
        if options.learners == nil && options.learner != nil {
            throw ValidationError("selftest runs as a fresh learner of its own; --learner only picks learners of a --learners roster")
        }
    }

    func run(kinds: KindRegistry) async throws {
        // Without a roster, a fresh learner of its own; with one (e.g. engines to prove the runbook on, sharded), its learners.
        let fresh = options.learners == nil ? [Learner(id: Self.learnerId())] : nil
        let preparation = RunPreparation(path: path.runbook, options: options.settings, output: output.settings, registry: kinds)
        var batch = BatchRun(preparation: preparation, policy: .selftest, learnersOverride: fresh)
        batch.shardOption = sharding.shard
        let style = TerminalStyle(enabled: output.colored(for: 1))
        batch.afterRun = { runbook, results in
            StandardStreams.out(
                SelftestReport(results: results, runbook: runbook, style: style, width: TerminalStyle.width(of: 1) ?? 100).render())
        }
        try await batch.run()
    }

    /// `selftest-` and six random lowercase letters or digits.
    static func learnerId() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        return "selftest-" + String((0..<6).map { _ in alphabet.randomElement()! })
    }
}
