import ArgumentParser
import Foundation
import Steps
import Workflow

/// What `runbook guide` needs before its session starts: the learner, the runbook, the vars and the
/// results folder, each checked with exit status 2 on a problem (as `run` checks them).
struct GuideSetup {
    /// The runbook file as named.
    let path: String
    /// The command's options.
    let options: RunOptions
    /// Output flags.
    let output: OutputOptions
    /// The one learner.
    let learner: Learner
    /// The validated runbook.
    let runbook: Runbook
    /// The run's id.
    let runId: String
    /// Where journal.jsonl and results.json go.
    let outputDirectory: String
    /// The step to start at (`--from`), if any.
    let fromIndex: Int?

    /// Loads and checks everything; prints the problem and throws exit status 2 when something is wrong.
    init(path: String, options: RunOptions, output: OutputOptions) throws {
        self.path = path
        self.options = options
        self.output = output
        learner = try Self.selectLearner(options: options, output: output)
        let runbook = try RunbookFileLoader.load(path, output: output, remoteEngines: learner.usesRemoteEngine)
        self.runbook = runbook
        let selection = StepSelection(only: Set(RunOptions.list(options.only)), skip: Set(RunOptions.list(options.skip)), from: options.from)
        let unknown = selection.unknownIds(in: runbook)
        guard unknown.isEmpty else { throw Self.usageError("no step named \(unknown.joined(separator: ", ")) in \(path)") }
        try ReportWriter.validate(specifications: options.report)
        fromIndex = options.from.flatMap { id in runbook.steps.firstIndex { $0.id == id } }
        let runId = RunIdentifier.make()
        self.runId = runId
        outputDirectory = try options.outputDirectory(runId: runId)
    }

    /// The engine's configuration: mode guide, the learner, `--var-file` and `--var`, `--only`/`--skip`
    /// (`--from` is where the guide starts, not a selection: earlier steps keep their progress).
    func configuration() throws -> RunConfiguration {
        let varFile = try options.varFileValues(output: output)
        let commandLine = options.commandLineValues
        return RunConfiguration(
            runbook: runbook, learners: [learner], varFile: varFile, commandLineVars: commandLine, runId: runId, mode: .guide,
            selection: StepSelection(only: Set(RunOptions.list(options.only)), skip: Set(RunOptions.list(options.skip))),
            kinds: DockerCommandKind.all, engine: runbook.usesDockerEngine ? DockerEngineSupport() : nil, stdinIsTerminal: true)
    }

    /// `local`, `--learner ID`, or the one learner of the roster that `--learner` names.
    private static func selectLearner(options: RunOptions, output: OutputOptions) throws -> Learner {
        let wanted = RunOptions.list(options.learner)
        guard wanted.count <= 1 else { throw usageError("runbook guide walks one learner through the runbook; --learner names \(wanted.count)") }
        guard let rosterPath = options.learners else {
            guard let id = wanted.first else { return .local }
            guard isValidId(id) else { throw usageError("--learner \(id): a learner id is lowercase letters, digits, '-' and '_', starting with a letter or digit") }
            return Learner(id: id)
        }
        switch RosterLoader.load(path: rosterPath) {
        case .failure(let error):
            StandardStreams.err(DiagnosticPrinter(sources: [], colored: output.colored(for: 2)).render(error.diagnostics))
            throw ExitCode(2)
        case .success(let learners):
            if let id = wanted.first {
                guard let learner = learners.first(where: { $0.id == id }) else { throw usageError("no learner \(id) in \(rosterPath)") }
                return learner
            }
            guard learners.count == 1, let only = learners.first else {
                throw usageError("runbook guide walks one learner through the runbook; name one of \(rosterPath) with --learner ID")
            }
            return only
        }
    }

    /// `[a-z0-9][a-z0-9_-]*`, as roster ids (it names a file of the state).
    private static func isValidId(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first) || ("0"..."9").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    private static func usageError(_ message: String) -> ExitCode {
        StandardStreams.err("error: \(message)\n")
        return ExitCode(2)
    }
}
