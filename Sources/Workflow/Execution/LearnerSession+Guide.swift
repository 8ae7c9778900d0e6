import Foundation

/// What `runbook guide` needs of a session: steps run, or only checked, one at a time and in any
/// order the learner picks; results journaled by `record`, like `run` journals them.
extension LearnerSession {
    /// The captures made so far (real values, not redacted: they are what later steps use).
    public var captures: [String: String] { context.scope.captures }

    /// Puts captures saved by an earlier session back, so that later steps can use them.
    public func restore(captures: [String: String]) {
        for (name, value) in captures { context.scope.setCapture(name, value) }
    }

    /// The step at `index`, substituted and redacted for display.
    public func presentation(ofStepAt index: Int) -> StepPresentation {
        let step = runbook.steps[index]
        func text(_ template: Template?) -> String? {
            guard let template else { return nil }
            return context.redactor.redact((try? context.scope.render(template)) ?? template.raw)
        }
        let presenter = presenter(step: step.id)
        let (command, unresolved) = presenter.present(step.command)
        return StepPresentation(
            index: index, id: step.id, title: text(step.title), say: text(step.say), hint: text(step.hint), key: step.command.key,
            command: command, unresolved: unresolved, input: text(step.stdin), tty: step.tty,
            probes: step.verify.map { presenter.present($0.command).text }, hints: context.hints(of: step))
    }

    /// Shows commands of `step` as the learner would type them.
    public func presenter(step: String) -> CommandPresenter {
        var commandContext = CommandContext(
            learner: learner.id, step: step, runId: configuration.runId, environment: context.environment, marksCreations: false,
            capabilities: context.capabilities, facts: context.facts)
        commandContext.module = runbook.moduleId
        commandContext.authorEnvironment = Set((runbook.defaults.env + (runbook.step(step)?.env ?? [])).map(\.name))
        return CommandPresenter(registry: configuration.registry, scope: context.scope, redactor: context.redactor, context: commandContext)
    }

    /// The result of a step that will not run (not selected, a need not met, a condition false, its
    /// backend unreachable), given the latest results of the steps it may need; nil when it can run.
    public func gate(stepAt index: Int, previous: [String: StepResult]) -> StepResult? {
        StepGate(configuration: configuration, context: context, stop: RunStopFlag()).decide(stepAt: index, previous: previous)
    }

    /// Runs the step at `index` (its command, expectations and probes, with retries), unless `gate`
    /// decides otherwise; `interrupt` stops it. For a `tty: true` step, the bytes that arrive on
    /// `typing` (a non-blocking descriptor the caller owns) are typed into its terminal after its
    /// `stdin:`. The result is not journaled: pass it to `record`.
    public func run(stepAt index: Int, previous: [String: StepResult], interrupt: InterruptSignal, typing: Int32? = nil) async -> StepResult
    {
        var execution = StepExecution(session: self, interrupt: interrupt)
        execution.terminalInput = typing
        return await execution.produce(stepAt: index, previous: previous)
    }

    /// Runs only the verify probes of the step at `index`: did the learner do it by hand?
    /// A step without probes is `skipped` "no verify probe"; `previous` (the latest results by step
    /// id) tells whether a step it needs passed, for probes that only see something absent. The
    /// result is not journaled.
    public func check(stepAt index: Int, interrupt: InterruptSignal, previous: [String: StepResult] = [:]) async -> StepResult {
        let step = runbook.steps[index]
        if let message = context.unreachable(Set(step.verify.compactMap(\.command.backend))) {
            return StepResult(
                learner: learner.id, step: step.id, title: context.text(step.title), status: .error, reason: message,
                hint: context.text(step.hint), hints: context.resultHints(of: step))
        }
        var result = await StepExecution(session: self, interrupt: interrupt).check(step, previous: previous)
        if step.environment { result.environment = true }
        return result
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
        await recorder.record(.step(result))
        observer?.handle(.stepFinished(result))
    }

    /// Journals that the guide shows step `step` now (its card), for timings (SPEC 11.3) and the class board.
    public func recordShown(step: String) async {
        await recorder.record(.start(StepStartRecord(learner: learner.id, step: step, source: .guide)))
    }

    /// Journals a hand raised on step `step` (`h`) when a class board hears the journal (SPEC 7); false without one.
    public func raiseHand(step: String) async -> Bool {
        guard recorder.hasTap else { return false }
        await recorder.record(.hand(HandRecord(learner: learner.id, step: step)))
        return true
    }

    /// Runs the `cleanup:` items (journaled), then removes what this session made and what the
    /// learner's earlier guide sessions left that no longer runs (a guide spans sessions).
    public func cleanUp() async {
        await StepExecution(session: self, interrupt: InterruptSignal()).runCleanup()
        await sweepRun(leftoversToo: true)
    }
}

extension LearnerSession {
    /// Starts the session of a single-learner command (`runbook guide`): the learner's vars
    /// (exit status 2 when invalid), the journal's header, then `open`.
    public static func start(
        configuration: RunConfiguration, recorder: RunRecorder, observer: (any RunObserver)? = nil
    ) async throws(SessionError) -> LearnerSession {
        let learner = configuration.learners.first ?? .local
        guard let (setup, scope) = try configuration.prepareLearners()[learner.id] else { throw .results("no learner to guide") }
        await recorder.record(.run(configuration.header))
        return await open(
            configuration: configuration, learner: learner, setup: setup, scope: scope, recorder: recorder, observer: observer,
            live: LiveStatus())
    }
}
