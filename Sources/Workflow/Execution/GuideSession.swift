import Foundation

/// One learner's interactive session for `runbook guide`: steps are run, or only checked, one at a
/// time and in any order the learner picks; every result is journaled as `run` journals it, and
/// results.json is written at the end.
///
/// The session uses the runner's own Docker configuration (no temporary `DOCKER_CONFIG`): the
/// learner alternates between the guide and their own terminal, so a `docker login` made by either
/// must count for both.
public final class GuideSession: Sendable {
    /// What runs (mode `.guide`, one learner).
    public let configuration: RunConfiguration
    /// The learner's vars, captures, environment and engine.
    public let context: LearnerContext
    /// Where journal.jsonl and results.json go.
    public let outputDirectory: String
    private let journal: Journal
    private let observer: (any RunObserver)?
    private let live = LiveStatus()

    private init(configuration: RunConfiguration, context: LearnerContext, outputDirectory: String, journal: Journal, observer: (any RunObserver)?) {
        self.configuration = configuration
        self.context = context
        self.outputDirectory = outputDirectory
        self.journal = journal
        self.observer = observer
    }

    /// Starts a session: the learner's vars, the results folder and journal, then the engine check.
    public static func open(configuration: RunConfiguration, outputDirectory: String, observer: (any RunObserver)? = nil) async throws(GuideSessionError) -> GuideSession {
        guard configuration.learners.count == 1, let learner = configuration.learners.first else {
            throw .notOneLearner(configuration.learners.count)
        }
        let scope: VariableScope
        do {
            scope = try configuration.variableScope(for: learner)
        } catch {
            throw .variables(error)
        }
        let runbook = configuration.runbook
        let journal: Journal
        do {
            try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
            let path = (outputDirectory as NSString).appendingPathComponent("journal.jsonl")
            journal = try Journal(path: path, tap: configuration.journalTap)
        } catch {
            throw .results("cannot write the results to \(outputDirectory): \(error.localizedDescription)")
        }
        await journal.append(.run(RunHeader(
            runId: configuration.runId, command: RunMode.guide.rawValue,
            runbook: .init(path: runbook.path, title: runbook.title, sha256: runbook.sha256), startedAt: Date(),
            learners: [.init(id: learner.id, name: learner.name)],
            steps: runbook.steps.map { .init(id: $0.id, title: $0.title?.raw, hint: $0.hint?.raw) })))
        var environment = configuration.baseEnvironment
        if let host = learner.dockerHost, !host.isEmpty { environment["DOCKER_HOST"] = host }
        if let dockerContext = learner.dockerContext, !dockerContext.isEmpty { environment["DOCKER_CONTEXT"] = dockerContext }
        var preflight: EnginePreflight?
        var capabilities: Set<Capability> = []
        if let engine = configuration.engine, runbook.usesDockerEngine {
            let checked = await engine.preflight(environment: environment)
            preflight = checked
            if checked.reachable { capabilities = await engine.capabilities(preflight: checked, environment: environment) }
            let record = PreflightRecord(
                learner: learner.id, status: checked.reachable ? .passed : .error, message: checked.message, fingerprint: checked.fingerprint)
            await journal.append(.preflight(record))
            observer?.handle(.preflightFinished(record))
        }
        let context = LearnerContext(
            learner: learner, scope: scope, environment: environment, redactor: Redactor.forScope(scope, runbook: runbook),
            preflight: preflight, capabilities: capabilities)
        return GuideSession(configuration: configuration, context: context, outputDirectory: outputDirectory, journal: journal, observer: observer)
    }

    /// The runbook.
    public var runbook: Runbook { configuration.runbook }

    /// The learner.
    public var learner: Learner { context.learner }

    /// The captures made so far (real values, not redacted: they are what later steps use).
    public var captures: [String: String] { context.scope.captures }

    /// Puts captures saved by an earlier session back, so that later steps can use them.
    public func restore(captures: [String: String]) {
        for (name, value) in captures { context.scope.setCapture(name, value) }
    }

    /// The step at `index`, substituted and redacted for display.
    public func step(at index: Int) -> GuideStep {
        let step = runbook.steps[index]
        let redactor = context.redactor
        func text(_ template: Template?) -> String? {
            guard let template else { return nil }
            return redactor.redact((try? context.scope.render(template)) ?? template.raw)
        }
        let (command, unresolved) = display(step.command, step: step.id)
        return GuideStep(
            index: index, id: step.id, title: text(step.title), say: text(step.say), hint: text(step.hint), key: step.command.key,
            command: command, unresolved: unresolved, input: text(step.stdin), tty: step.tty,
            probes: step.verify.map { display($0.command, step: step.id).command })
    }

    /// The result of a step that will not run (not selected, a need not met, a condition false, its
    /// engine unreachable), given the latest results of the steps it may need; nil when it can run.
    public func gate(stepAt index: Int, previous: [String: StepResult]) -> StepResult? {
        runner(interrupt: InterruptSignal()).gate(at: index, progress: progress(previous))
    }

    /// Runs the step at `index` (its command, expectations and probes, with retries), unless `gate`
    /// decides otherwise; `interrupt` stops it. For a `tty: true` step, the bytes that arrive on
    /// `typing` (a non-blocking descriptor the caller owns) are typed into its terminal after its
    /// `stdin:`. The result is not journaled: pass it to `record`.
    public func run(stepAt index: Int, previous: [String: StepResult], interrupt: InterruptSignal, typing: Int32? = nil) async -> StepResult {
        var runner = runner(interrupt: interrupt)
        runner.terminalInput = typing
        return await runner.runStep(at: index, progress: progress(previous))
    }

    /// Runs only the verify probes of the step at `index`: did the learner do it by hand?
    /// A step without probes is `skipped` "no verify probe". The result is not journaled.
    public func check(stepAt index: Int, interrupt: InterruptSignal) async -> StepResult {
        let step = runbook.steps[index]
        let title = step.title.flatMap { try? context.scope.render($0) }.map(context.redactor.redact)
        let hint = step.hint.flatMap { try? context.scope.render($0) }.map(context.redactor.redact)
        if step.verify.contains(where: { $0.command.key.usesDockerEngine }), let message = context.engineUnreachable {
            return StepResult(learner: learner.id, step: step.id, title: title, status: .error, reason: message, hint: hint)
        }
        return await runner(interrupt: interrupt).checkStep(step, title: title, hint: hint)
    }

    /// Makes the captures of the step at `index` that are still missing from text the learner
    /// pasted (what the command printed when they ran it by hand), line by line, as the step's own
    /// output would have made them; returns the captures made (real values).
    public func capture(fromPasted text: String, stepAt index: Int) -> [String: String] {
        var made: [String: String] = [:]
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
        for capture in runbook.steps[index].captures where !context.scope.hasCapture(capture.name) {
            let tracker: CaptureTracker
            do {
                tracker = try CaptureTracker(capture) { template, asRegex in
                    try context.scope.render(template, escape: asRegex ? RegexSupport.escape : { $0 })
                }
            } catch {
                continue
            }
            for line in lines {
                var bytes = Array(line.utf8)
                if bytes.withUnsafeMutableBytes({ tracker.consume(UnsafeRawBufferPointer($0)) }) { break }
            }
            if let value = tracker.value {
                context.scope.setCapture(capture.name, value)
                made[capture.name] = value
            }
        }
        return made
    }

    /// The names of the captures the step at `index` makes that are not known yet.
    public func missingCaptures(ofStepAt index: Int) -> [String] {
        runbook.steps[index].captures.map(\.name).filter { !context.scope.hasCapture($0) }
    }

    /// Journals a step's result (the latest result of a step is the one results.json keeps).
    public func record(_ result: StepResult) async {
        await journal.append(.step(result))
        observer?.handle(.stepFinished(result))
    }

    /// Journals a hand raised on step `step` (`h`) when a class board hears the journal (SPEC 7); false without one.
    public func raiseHand(step: String) async -> Bool {
        guard configuration.journalTap != nil else { return false }
        await journal.append(.hand(HandRecord(learner: learner.id, step: step)))
        return true
    }

    /// Runs the `cleanup:` items (journaled), then removes the containers this session labelled
    /// and the stopped ones the learner's earlier guide sessions left (a guide spans sessions).
    public func cleanUp() async {
        let runner = runner(interrupt: InterruptSignal())
        await runner.runCleanup()
        if let engine = configuration.engine, context.engineUnreachable == nil, runbook.usesDockerEngine {
            await engine.removeContainers(
                labels: ["io.runbook.run": configuration.runId, "io.runbook.learner": learner.id], onlyStopped: false,
                environment: context.environment)
            await engine.removeContainers(labels: ["io.runbook.learner": learner.id], onlyStopped: true, environment: context.environment)
        }
    }

    /// Ends the journal and writes results.json; returns the results.
    public func finish(interrupted: Bool) async throws -> RunResults {
        await journal.append(.end(RunFooter(endedAt: Date(), interrupted: interrupted)))
        await journal.sync()
        let results = try JournalReader.read(path: journal.path)
        try results.write(to: (outputDirectory as NSString).appendingPathComponent("results.json"))
        return results
    }

    /// A runner for one action, stopped by `interrupt`.
    private func runner(interrupt: InterruptSignal) -> LearnerRunner {
        LearnerRunner(
            configuration: configuration, context: context,
            executor: CommandExecutor(configuration: configuration, runner: ProcessRunner(), interrupt: interrupt, live: live, observer: observer),
            journal: journal, observer: observer, stop: RunStopFlag())
    }

    private func progress(_ results: [String: StepResult]) -> LearnerRunner.Progress {
        let progress = LearnerRunner.Progress()
        progress.results = results
        return progress
    }

    /// A command as the learner would type it, and the names that could not be substituted yet.
    private func display(_ command: Command, step: String) -> (command: String, unresolved: [String]) {
        let redactor = context.redactor
        // A script is shown as written: it is what a learner types into their shell.
        if command.key == .sh { return (redactor.redact(command.script ?? ""), []) }
        let raw = ShellQuoting.join(command.words.map(\.raw))
        var unresolved: [String] = []
        var words: [String] = []
        for word in command.words {
            do {
                words.append(try context.scope.render(word))
            } catch {
                unresolved += word.variableReferences.map(\.name).filter { (try? context.scope.value(of: $0)) == nil }
            }
        }
        guard unresolved.isEmpty, let kind = configuration.kinds[command.key] else {
            return (redactor.redact(command.key.usesDockerEngine ? "\(command.key.rawValue) \(raw)" : raw), unresolved)
        }
        let commandContext = CommandContext(
            learner: learner.id, step: step, runId: configuration.runId, environment: context.environment, labelContainers: false,
            capabilities: context.capabilities)
        switch kind.prepare(words: words, script: command.script, context: commandContext) {
        case .success(let prepared): return (redactor.redact(ShellQuoting.join(prepared.display)), [])
        case .failure: return (redactor.redact(ShellQuoting.join((command.key.usesDockerEngine ? [command.key.rawValue] : []) + words)), [])
        }
    }
}
