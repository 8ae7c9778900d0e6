import Board
import Foundation
import Workflow

/// What `run`, `check` and `selftest` share: prepare everything, run every learner's session with a
/// live terminal, write results and reports, and turn the outcome into an exit status.
public struct BatchRun {
    /// The runbook, options and flags.
    public let preparation: RunPreparation
    /// `.run`, `.check` or `.selftest`.
    public let policy: SessionPolicy
    /// Learners chosen by the command itself (`selftest`'s fresh learner) instead of the options.
    public var learnersOverride: [Learner]?
    /// `--shard I/N`, if given (the environment may still name a shard).
    public var shardOption: String?
    /// The ports a learner's guide kept for the runbook with this sha256 (`check` reuses them), nil for none.
    public var keptPorts: ((_ sha256: String, _ learner: String) -> [String: Int]?)?
    /// Called with the runbook and results after the summary, before the exit status is decided (`selftest`'s verdict).
    public var afterRun: ((Runbook, RunResults) -> Void)?
    /// `check`: where evidence of the learners' work comes from, and how long waits may be (SPEC 6.11).
    public var evidence: CheckEvidence?

    /// A run of `policy` with what `preparation` holds; `learnersOverride` replaces the options' learners.
    public init(preparation: RunPreparation, policy: SessionPolicy, learnersOverride: [Learner]? = nil) {
        self.preparation = preparation
        self.policy = policy
        self.learnersOverride = learnersOverride
    }

    /// Runs and ends with SPEC 3's status: returns for 0, throws for 1, 2 and 130.
    public func run() async throws(CommandFailure) {
        let output = preparation.output
        let all: [Learner]
        if let learnersOverride { all = learnersOverride } else { all = try preparation.learners() }
        let (learners, shard) = try preparation.shard(option: shardOption, of: all)
        let runbook = try preparation.runbook(for: learners)
        let selection = try preparation.selection(in: runbook)
        var configuration = try preparation.configuration(policy: policy, learners: learners, runbook: runbook, selection: selection)
        configuration.shard = shard
        try await ContainerRunner.prepare(&configuration)  // inside a container (SPEC 10.2)
        configuration.fromRoster = preparation.options.learners != nil
        if let evidence {
            configuration.evidence = try await evidence.gather(runbook: runbook, learners: learners)
            configuration.checkWait = evidence.wait
        }
        if policy.mode == .check {
            // `check` looks at what a learner did by hand with the commands their guide showed:
            // the same ports, kept in the guide's state (its `${workdir}` is the same folder too).
            for learner in learners {
                if let ports = keptPorts?(runbook.sha256, learner.id) {
                    configuration.reservedPorts[learner.id] = ports
                }
            }
        }
        let printer = ProgressPrinter(
            style: TerminalStyle(enabled: output.colored(for: 1)), verbosity: output.quiet ? .quiet : (output.verbose ? .verbose : .normal),
            interactive: isatty(1) == 1 && !output.verbose, multipleLearners: learners.count > 1, runbook: runbook,
            learnerCount: learners.count)
        do {
            _ = try configuration.prepareLearners()
        } catch {
            throw Self.failure(error)
        }
        guard policy.mode != .selftest || preparation.options.board == nil else {
            throw .usage("selftest does not publish to a class board")
        }
        let publisher = preparation.options.boardPublisher(learners: learners.map(\.id))  // class board (SPEC 7)
        let recorder = try preparation.recorder(runId: configuration.runId, tap: publisher)
        let coordinator: RunCoordinator
        do {
            coordinator = try RunCoordinator(configuration: configuration, recorder: recorder, observer: printer)
        } catch {
            throw Self.failure(error)
        }
        let trap = SignalTrap { _ in
            StandardStreams.err("\nrunbook: interrupted; stopping running steps and cleaning up (Ctrl-C again to quit at once)\n")
            coordinator.requestInterrupt()
        }
        let ticker = Task {
            while !Task.isCancelled {
                printer.drawLive(coordinator.live)
                try? await Task.sleep(for: .milliseconds(100))
            }
        }
        let outcome: Result<RunSummary, RecordingError>
        do {
            // With a class board, its publisher pushes beside the run and tries to flush for 10 s at its end.
            outcome = try await BoardPublisher.run(publisher) { () async -> Result<RunSummary, RecordingError> in
                do throws(RecordingError) {
                    return .success(try await coordinator.run())
                } catch {
                    return .failure(error)
                }
            }
        } catch {
            throw .usage("\(error)")
        }
        ticker.cancel()
        printer.clearLive()
        guard case .success(let summary) = outcome else {
            if case .failure(let error) = outcome { throw .recording(error) }
            return
        }
        // The whole results are read back only when something needs them (the matrix, reports, selftest's verdict).
        let wantsMatrix = learners.count > 1 && !output.quiet
        var reportProblems: [String] = []
        if wantsMatrix || !preparation.options.report.isEmpty || afterRun != nil {
            let results: RunResults
            do {
                results = try summary.results()
            } catch {
                throw .usage("cannot read \(summary.resultsPath) back: \(error)")
            }
            if wantsMatrix { StandardStreams.out(printer.matrix(results)) }
            reportProblems = ReportWriter(results: results, outputDirectory: recorder.directory).write(preparation.options.report).problems
            printSummary(summary, directory: recorder.directory)
            afterRun?(runbook, results)
        } else {
            printSummary(summary, directory: recorder.directory)
        }
        RunSettings.printBoardNotes(publisher)
        // Reports that could not be written are the failure's messages, whatever the status.
        let interrupted = trap.fired || coordinator.interrupt.isTriggered
        let status: Int32 = interrupted ? 130 : (!reportProblems.isEmpty ? 2 : (summary.succeeded ? 0 : 1))
        if status != 0 { throw CommandFailure(messages: reportProblems, status: status) }
    }

    /// A session that cannot start: its problem, positioned when it has a place.
    public static func failure(_ error: SessionError) -> CommandFailure {
        if case .variables(let problem) = error { return .located(problem.location, problem.message) }
        return .usage(error.description)
    }

    /// The verdict line, the counts and where the results are.
    private func printSummary(_ results: RunSummary, directory: String) {
        let output = preparation.output
        let counts = results.counts
        let parts = StepStatus.allCases.compactMap { status in counts[status].map { "\($0) \(status.rawValue)" } }
        let style = TerminalStyle(enabled: output.colored(for: 1))
        let verdict = results.interrupted ? style.red("interrupted") : (results.succeeded ? style.green("passed") : style.red("failed"))
        let passed = results.learners.filter(\.succeeded).count
        let learners = results.learners.count > 1 ? "\(passed)/\(results.learners.count) learners passed; " : ""
        // `--quiet` prints the failures, this line and where the results are (SPEC 6.9).
        StandardStreams.out(
            "\(output.quiet ? "" : "\n")\(verdict): \(learners)\(parts.joined(separator: ", "))\nresults: \(directory)/results.json\n")
    }
}
