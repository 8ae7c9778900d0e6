import Foundation

/// Produces step results for one learner's session: the gate, then the step's command with its
/// retries and probes (or, as `check` does, only its probes), and the cleanup items.
struct StepExecution: Sendable {
    /// The session it works for.
    let session: LearnerSession
    /// Runs each command; its interrupt stops them.
    let executor: CommandExecutor
    /// `runbook guide`: keys the learner types, copied to the terminal of `tty: true` steps.
    var terminalInput: Int32?

    /// Work for `session` that `interrupt` stops.
    init(session: LearnerSession, interrupt: InterruptSignal) {
        self.session = session
        executor = CommandExecutor(
            configuration: session.configuration, runner: ProcessRunner(), interrupt: interrupt, live: session.live,
            observer: session.observer)
    }

    /// What runs.
    var configuration: RunConfiguration { session.configuration }
    /// The learner.
    var context: LearnerContext { session.context }
    /// The runbook.
    var runbook: Runbook { session.configuration.runbook }

    /// The result of the step at `index`: decided by its gate, else run (or checked) as the policy
    /// says; `selfBefore` is a `verify: self` step's run before the first step (`selftest`).
    func produce(stepAt index: Int, previous: [String: StepResult], selfBefore: ProbeResult? = nil) async -> StepResult {
        if let decided = StepGate(configuration: configuration, context: context, stop: session.stop).decide(
            stepAt: index, previous: previous)
        {
            return decided
        }
        let step = runbook.steps[index]
        if configuration.policy.mode == .run {
            // When each step starts, for timings (SPEC 11.3) and the class board's stuck rule.
            await session.recorder.record(.start(StepStartRecord(learner: context.learner.id, step: step.id, source: .run)))
        }
        var result = configuration.policy.runsCommands ? await execute(step, selfBefore: selfBefore) : await check(step, previous: previous)
        if step.environment { result.environment = true }
        return result
    }

    /// Runs a step with its retries and probes (and, for `selftest`, its probes before it).
    func execute(_ step: Step, selfBefore: ProbeResult? = nil) async -> StepResult {
        if step.stop != nil { return await stopBackground(step) }
        let started = Date()
        let clock = ContinuousClock()
        let firstAttempt = clock.now
        let title = context.text(step.title)
        var retry = step.retry ?? runbook.defaults.retry ?? Retry(attempts: 1)
        if configuration.policy.mode == .check { retry = await checkRetry(step, retry) }
        let timeout = timeout(of: step)
        session.observer?.handle(.stepStarted(learner: context.learner.id, step: step.id, title: title, command: nil))
        defer { session.live?.finished(learner: context.learner.id) }
        var probesBefore: [ProbeResult]? = selfBefore.map { [$0] }
        if configuration.policy.probesBeforeStep, !step.verify.isEmpty { probesBefore = await runProbes(step, timeout: timeout) }
        let guards = Set(step.verify.indices.filter { step.verify[$0].isGuard })
        let selftestDefect = probesBefore.flatMap {
            SelftestJudge.defectBefore($0, verifyBefore: step.selftestVerifyBefore, guards: guards)
        }
        let backend = step.command.backend.flatMap { configuration.registry.backends[$0] }
        let sweep = SweepScope.attempt(runId: configuration.runId, learner: context.learner.id, step: step.id)
        var attempt = 0
        var outcome: CommandOutcome
        var probes: [ProbeResult] = []
        var status: StepStatus
        var reason: String?
        var why: String?
        var lastStart = firstAttempt
        var keptInBackground = false
        repeat {
            attempt += 1
            if attempt > 1 {
                if context.createdResources { await backend?.sweep(sweep, environment: context.environment) }
                if retry.delay > .zero { try? await Task.sleep(for: retry.delay) }
            }
            lastStart = clock.now
            outcome = await executor.execute(
                CommandInvocation(
                    command: step.command, expect: step.expect, captures: step.captures, finishOnMatch: step.finishOnMatch,
                    stdin: step.stdin,
                    cwd: step.cwd ?? runbook.defaults.cwd, env: runbook.defaults.env + step.env, tty: step.tty, timeout: timeout,
                    stepId: step.id, marksCreations: true,
                    readiness: retry.window.map { ReadinessWait(remaining: $0 - (lastStart - firstAttempt), every: retry.delay) },
                    terminalInput: terminalInput, holdsOnMatch: step.finishOnMatch, stopGrace: step.effectiveStopGrace),
                in: context)
            (status, reason, why) = (outcome.status, outcome.reason, outcome.why)
            for (name, value) in outcome.evaluation?.captured ?? [:] { context.scope.setCapture(name, value) }
            probes = []
            if status == .passed {
                probes = await runProbes(step, timeout: timeout)
                if let failed = probes.first(where: { $0.status != .passed }) {
                    status = failed.status == .interrupted ? .interrupted : (failed.status == .error ? .error : .failed)
                    reason = "verify \(failed.index + 1): " + (failed.reason ?? failed.status.rawValue)
                    why = failed.why
                }
            }
            if let held = outcome.held {
                // Its probes ran while it ran (SPEC 6.11); now it is stopped, or kept in the background.
                keptInBackground = await keepOrStop(held, of: step, passed: status == .passed)
            }
            if status == .timeout, context.createdResources { await backend?.sweep(sweep, environment: context.environment) }
            if status == .failed, let message = await environmentFault() {
                (status, reason, why) = (.error, context.redactor.redact(message), nil)
            }
        } while shouldRetry(status, attempt: attempt, retry: retry, waited: clock.now - firstAttempt)
        if let selftestDefect, status == .passed {
            status = .failed
            reason = selftestDefect
        }
        let evaluation = outcome.evaluation
        var result = StepResult(
            learner: context.learner.id, step: step.id, title: title, status: status, reason: reason, exitCode: outcome.exitCode,
            startedAt: started, endedAt: Date(), durationSeconds: Date().timeIntervalSince(started), attempts: attempt,
            waitedSeconds: retry.window == nil ? nil : (lastStart - firstAttempt).seconds,
            command: outcome.command, failures: evaluation.map { context.redacted($0.failures) } ?? [],
            captured: (evaluation?.captured ?? [:]).mapValues(context.redactor.redact),
            finishedOnMatch: evaluation?.finishedOnMatch ?? false,
            excerpts: evaluation.map { context.redacted($0.excerpts) }, verify: probes, verifyBefore: probesBefore,
            hint: context.text(step.hint), hints: context.resultHints(of: step), why: status == .failed ? why : nil)
        if keptInBackground { result.background = true }
        return result
    }

    /// Whether a `failed` or `timeout` attempt is followed by another: attempts left, or (`retry: { for }`)
    /// time left to start one; never after Ctrl-C or an `error`.
    private func shouldRetry(_ status: StepStatus, attempt: Int, retry: Retry, waited: Duration) -> Bool {
        guard status == .failed || status == .timeout, !executor.interrupt.isTriggered else { return false }
        if let window = retry.window { return waited + retry.delay < window }
        return attempt < retry.attempts
    }

    /// After a failure: the message of a backend the learner's runbook uses that does not answer
    /// (at the preflight, or now), so that an environment fault is an `error`, never the learner's failure.
    func environmentFault() async -> String? {
        for backend in configuration.usedBackends {
            if let preflight = context.preflights[backend.name], !preflight.reachable {
                return preflight.message ?? backend.unreachableFallback
            }
            if let message = await backend.unreachableReason(environment: context.environment) { return message }
        }
        return nil
    }

    /// The per-attempt limit of `step`: its own, the runbook's default, or the run's.
    func timeout(of step: Step) -> Duration {
        step.timeout ?? runbook.defaults.timeout ?? configuration.defaultTimeout
    }
}
