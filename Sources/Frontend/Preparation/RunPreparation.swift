import Foundation
import Steps
import Workflow

/// What every command that runs steps prepares the same way (`run`, `check`, `selftest`, `guide`):
/// the learners, the runbook, the vars, the selection and the results folder, each checked with
/// exit status 2 on a problem before anything runs.
public struct RunPreparation {
    /// The runbook file as named.
    public let path: String
    /// The command's options.
    public let options: RunSettings
    /// Output flags.
    public let output: OutputSettings
    /// Every kind and backend.
    public let registry: KindRegistry

    /// The preparation of the runbook at `path` with these options and output flags, and the kinds.
    public init(path: String, options: RunSettings, output: OutputSettings, registry: KindRegistry) {
        self.path = path
        self.options = options
        self.output = output
        self.registry = registry
    }

    /// The learners: the roster's (all, or those `--learner` names), a valid `--learner ID`, or `local`.
    public func learners() throws(CommandFailure) -> [Learner] {
        let wanted = RunSettings.list(options.learner)
        for id in wanted where !Learner.isValidId(id) {
            throw .usage("--learner \(id): a learner id is lowercase letters, digits, '-' and '_', starting with a letter or digit")
        }
        guard let rosterPath = options.learners else {
            guard wanted.count <= 1 else { throw .usage("--learner names several learners but there is no --learners roster") }
            return [wanted.first.map { Learner(id: $0) } ?? .local]
        }
        switch RosterLoader.load(path: rosterPath, settingKeys: registry.rosterKeys) {
        case .failure(let error):
            throw .diagnostics(error.diagnostics, colored: output.colored(for: 2))
        case .success(let learners):
            guard !wanted.isEmpty else { return learners }
            let missing = wanted.filter { id in !learners.contains { $0.id == id } }
            guard missing.isEmpty else { throw .usage("no learner \(missing.joined(separator: ", ")) in \(rosterPath)") }
            return learners.filter { wanted.contains($0.id) }
        }
    }

    /// The one learner of `runbook guide`: `local`, `--learner ID`, or the one learner of the roster that `--learner` names.
    public func guideLearner() throws(CommandFailure) -> Learner {
        let wanted = RunSettings.list(options.learner)
        guard wanted.count <= 1 else {
            throw .usage("runbook guide walks one learner through the runbook; --learner names \(wanted.count)")
        }
        let learners = try learners()
        guard learners.count == 1, let only = learners.first else {
            throw .usage(
                "runbook guide walks one learner through the runbook; name one of \(options.learners ?? "the roster") with --learner ID")
        }
        return only
    }

    /// The valid runbook, loaded with every kind (warnings printed; errors end the command with exit status 2).
    public func runbook(for learners: [Learner]) throws(CommandFailure) -> Runbook {
        try RunbookFileLoader.load(
            path, output: output, registry: registry, remoteEngines: learners.contains { registry.isRemote($0) },
            transports: registry.transports(of: learners, environment: ProcessInfo.processInfo.environment))
    }

    /// `--only`, `--skip` and (unless `fromIsSelection` is false, as in the guide) `--from`; unknown ids end the command.
    public func selection(in runbook: Runbook, fromIsSelection: Bool = true) throws(CommandFailure) -> StepSelection {
        let selection = StepSelection(
            only: Set(RunSettings.list(options.only)), skip: Set(RunSettings.list(options.skip)), from: options.from)
        let unknown = selection.unknownIds(in: runbook)
        guard unknown.isEmpty else { throw .usage("no step named \(unknown.joined(separator: ", ")) in \(path)") }
        return fromIsSelection ? selection : StepSelection(only: selection.only, skip: selection.skip)
    }

    /// The whole configuration of a run with `policy`.
    public func configuration(
        policy: SessionPolicy, learners: [Learner], runbook: Runbook, selection: StepSelection, stdinIsTerminal: Bool = isatty(0) == 1
    ) throws(CommandFailure) -> RunConfiguration {
        var configuration = RunConfiguration(
            runbook: runbook, learners: learners, varFile: try varFileValues(), commandLineVars: options.commandLineValues,
            policy: policy, selection: selection, failFast: options.failFast, jobs: options.jobs, registry: registry,
            stdinIsTerminal: stdinIsTerminal)
        configuration.keepWorkdir = options.keepWorkdir
        if options.engineCli { configuration.baseEnvironment[EngineEndpoint.forceCLIVariable] = "1" }
        return configuration
    }

    /// Claims the results folder of run `runId`: `--out`, else `runbook-results/RUN_ID` (SPEC 4).
    public func recorder(runId: String, tap: (any JournalTap)? = nil) throws(CommandFailure) -> RunRecorder {
        do {
            return try RunRecorder(claiming: options.out ?? "runbook-results/\(runId)", tap: tap)
        } catch {
            throw .usage(error.description)
        }
    }

    /// The values of `--var-file`, empty without one.
    private func varFileValues() throws(CommandFailure) -> [String: VariableLayers.Value] {
        guard let file = options.varFile else { return [:] }
        switch VarFileLoader.load(path: file) {
        case .success(let values): return values
        case .failure(let error): throw .diagnostics(error.diagnostics, colored: output.colored(for: 2))
        }
    }
}
