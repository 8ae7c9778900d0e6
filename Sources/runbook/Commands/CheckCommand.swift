import ArgumentParser
import Frontend
import Guide
import Workflow

/// `runbook check [RUNBOOK]`: what each learner has done, from their journals and the verify probes (SPEC 6.11).
struct CheckCommand: KindsCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "What each learner has done: their journals, then the verify probes now. No cleanup.",
        discussion: """
            A step passed in the learner's own guide (its state on this machine), or in a run or check they ran \
            themselves (--journal, --board), is done; if its probes fail now, it is "done, since undone". \
            Steps without a verify probe or journal are skipped ("no verify probe").
            """
    )

    @OptionGroup var path: RunbookPathArgument
    @OptionGroup var options: RunOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sharding: ShardOptions

    @Option(
        name: .customLong("journal"), parsing: .upToNextOption,
        help: ArgumentHelp(
            "Evidence: results folders, journal.jsonl files or board store folders (name the runbook before it).", valueName: "path"),
        completion: .file())
    /// `--journal PATH…`.
    var journals: [String] = []

    @Option(
        name: .customLong("board"),
        help: ArgumentHelp("Evidence: a class board's journals (the board: URL with its token).", valueName: "url"))
    /// `--board URL`.
    var board: String?

    @Option(
        name: .customLong("wait"),
        help: ArgumentHelp(
            "The longest a step's retry: { for } waits (default 5s); `full`: as long as the step says, never ending early.",
            valueName: "duration"),
        transform: { text in
            if text == "full" { return .full }
            guard let duration = DurationSyntax.parse(text) else {
                throw ValidationError("--wait takes a duration such as 5s or 500ms, or full")
            }
            return .at(duration)
        })
    /// `--wait DURATION` or `full`.
    var wait: WaitOption = .at(.seconds(5))

    /// `--wait`: a bound, or `full`.
    enum WaitOption {
        /// At most this long.
        case at(Duration)
        /// As long as each step says.
        case full

        /// The bound, nil for `full`.
        var bound: Duration? {
            if case .at(let duration) = self { return duration }
            return nil
        }
    }

    func run(kinds: KindRegistry) async throws {
        let preparation = RunPreparation(path: path.runbook, options: options.settings, output: output.settings, registry: kinds)
        var batch = BatchRun(preparation: preparation, policy: .check)
        batch.shardOption = sharding.shard
        batch.evidence = CheckEvidence(journals: journals, board: board, wait: wait.bound)
        // The ports each learner's guide kept: what they typed by hand published those.
        batch.keptPorts = { sha256, learner in (try? GuideStateStore().load(sha256: sha256, learner: learner))?.ports }
        try await batch.run()
    }
}
