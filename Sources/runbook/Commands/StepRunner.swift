import ArgumentParser
import Board
import Foundation
import Steps
import Workflow

/// What `run`, `check` and `selftest` share: load everything, run the engine with a live terminal,
/// write results and reports, and turn the outcome into an exit status.
struct StepRunner {
    let path: String
    let options: RunOptions
    let output: OutputOptions
    let mode: RunMode
    var learnersOverride: [Learner]?
    /// Called with the results and their folder after the summary, before the exit status is decided (`selftest`'s verdict).
    var afterRun: ((RunResults, String) -> Void)?

    /// Runs and exits with SPEC 3's status: 0, 1, 2 (thrown earlier) or 130.
    func run() async throws {
        try ReportWriter.validate(specifications: options.report)
        let learners = try learnersOverride ?? loadLearners()
        let runbook = try RunbookFileLoader.load(path, output: output, remoteEngines: learners.contains { $0.usesRemoteEngine })
        let selection = StepSelection(only: Set(RunOptions.list(options.only)), skip: Set(RunOptions.list(options.skip)), from: options.from)
        let unknown = selection.unknownIds(in: runbook)
        guard unknown.isEmpty else { throw usageError("no step named \(unknown.joined(separator: ", ")) in \(path)") }
        let varFile = try options.varFileValues(output: output)
        let commandLine = options.commandLineValues
        let runId = RunIdentifier.make()
        let outputDirectory = try options.outputDirectory(runId: runId)
        guard mode != .selftest || options.board == nil else { throw usageError("selftest does not publish to a class board") }
        var configuration = RunConfiguration(
            runbook: runbook, learners: learners, varFile: varFile, commandLineVars: commandLine, runId: runId, mode: mode,
            selection: selection, failFast: options.failFast, jobs: options.jobs, kinds: DockerCommandKind.all,
            engine: runbook.usesDockerEngine ? DockerEngineSupport() : nil)
        let publisher = options.boardPublisher(learners: learners.map(\.id))  // class board (SPEC 7)
        configuration.journalTap = publisher
        let interactive = isatty(1) == 1
        let printer = ProgressPrinter(
            style: TerminalStyle(enabled: output.colored(for: 1)), verbosity: output.quiet ? .quiet : (output.verbose ? .verbose : .normal),
            interactive: interactive && !output.verbose, multipleLearners: learners.count > 1, runbook: runbook, learnerCount: learners.count)
        let engine: RunEngine
        do {
            engine = try RunEngine(configuration: configuration, outputDirectory: outputDirectory, observer: printer)
        } catch {
            StandardStreams.err("\(error.location.map { "\($0): " } ?? "")error: \(error.message)\n")
            throw ExitCode(2)
        }
        let trap = SignalTrap { _ in
            StandardStreams.err("\nrunbook: interrupted; stopping running steps and cleaning up (Ctrl-C again to quit at once)\n")
            engine.requestInterrupt()
        }
        let ticker = Task {
            while !Task.isCancelled {
                printer.drawLive(engine.live)
                try? await Task.sleep(for: .milliseconds(100))
            }
        }
        let results = try await BoardPublisher.run(publisher) { try await engine.run() }
        ticker.cancel()
        printer.clearLive()
        if learners.count > 1 && !output.quiet { StandardStreams.out(printer.matrix(results)) }
        try ReportWriter(results: results, outputDirectory: outputDirectory).write(specifications: options.report)
        printSummary(results, directory: outputDirectory)
        afterRun?(results, outputDirectory)
        RunOptions.printBoardNotes(publisher)
        if trap.fired || engine.interrupt.isTriggered { throw ExitCode(130) }
        if !results.succeeded { throw ExitCode(1) }
    }

    private func loadLearners() throws -> [Learner] {
        guard let rosterPath = options.learners else {
            let ids = RunOptions.list(options.learner)
            guard ids.count <= 1 else { throw usageError("--learner names several learners but there is no --learners roster") }
            return [ids.first.map { Learner(id: $0) } ?? .local]
        }
        switch RosterLoader.load(path: rosterPath) {
        case .failure(let error):
            StandardStreams.err(DiagnosticPrinter(sources: [], colored: output.colored(for: 2)).render(error.diagnostics))
            throw ExitCode(2)
        case .success(var learners):
            let wanted = RunOptions.list(options.learner)
            if !wanted.isEmpty {
                let missing = wanted.filter { id in !learners.contains { $0.id == id } }
                guard missing.isEmpty else { throw usageError("no learner \(missing.joined(separator: ", ")) in \(rosterPath)") }
                learners = learners.filter { wanted.contains($0.id) }
            }
            return learners
        }
    }

    private func printSummary(_ results: RunResults, directory: String) {
        guard !output.quiet || !results.succeeded else { return }
        var counts: [StepStatus: Int] = [:]
        for learner in results.learners { for step in learner.steps { counts[step.status, default: 0] += 1 } }
        let parts = StepStatus.allCases.compactMap { status in counts[status].map { "\($0) \(status.rawValue)" } }
        let style = TerminalStyle(enabled: output.colored(for: 1))
        let verdict = results.interrupted ? style.red("interrupted") : (results.succeeded ? style.green("passed") : style.red("failed"))
        let learners = results.learners.count > 1 ? "\(results.learners.filter(\.succeeded).count)/\(results.learners.count) learners passed; " : ""
        StandardStreams.out("\n\(verdict): \(learners)\(parts.joined(separator: ", "))\nresults: \(directory)/results.json\n")
    }

    private func usageError(_ message: String) -> ExitCode {
        StandardStreams.err("error: \(message)\n")
        return ExitCode(2)
    }
}
