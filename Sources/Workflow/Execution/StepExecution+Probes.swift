import Foundation

/// Verify probes, `check`'s judgement of a step by its probes, and cleanup items.
extension StepExecution {
    /// `check` (and the guide's `c`): a step judged by its own probes, or by its own command with
    /// `verify: self`, together with what the learner's journals say (SPEC 6.1, 6.11): see `CheckVerdict`.
    /// `previous` holds the verdicts on the steps before it, for absence-only probes.
    func check(_ step: Step, previous: [String: StepResult] = [:]) async -> StepResult {
        let started = Date()
        let title = context.text(step.title)
        let hint = context.text(step.hint)
        // A fact of the machine is judged as it is now, never by a journal.
        let journal = step.environment ? nil : configuration.evidence.source(learner: context.learner.id, step: step.id)
        func decided(_ status: StepStatus, _ reason: String?) -> StepResult {
            var result = StepResult(
                learner: context.learner.id, step: step.id, title: title, status: status, reason: reason, hint: hint,
                hints: context.resultHints(of: step))
            result.evidence = status == .passed ? journal : nil
            return result
        }
        guard step.hasProbes else { return journal != nil ? decided(.passed, nil) : decided(.skipped, "no verify probe") }
        if let missing = missingCapture(step.verifySelf ? [Self.probe(of: step)] : step.verify) {
            return journal != nil ? decided(.passed, nil) : decided(.skipped, "needs capture \(missing)")
        }
        let verdict = CheckVerdict(step: step, journal: journal)
        if step.verifySelf { return verdict.judge(await execute(step), previous: previous, failedGuard: nil) }
        session.observer?.handle(.stepStarted(learner: context.learner.id, step: step.id, title: title, command: nil))
        defer { session.live?.finished(learner: context.learner.id) }
        let probes = await runProbes(step, timeout: timeout(of: step))
        let guardProblem = probes.first { step.verify[$0.index].isGuard && $0.status != .passed }
        let failed = probes.first { !step.verify[$0.index].isGuard && $0.status != .passed }
        // A guard that could not run (error) stands for the step; one that fails makes it "can't tell".
        let deciding = guardProblem.flatMap { $0.status == .failed || $0.status == .timeout ? nil : $0 } ?? failed
        let status: StepStatus =
            deciding.map { $0.status == .interrupted ? .interrupted : ($0.status == .error ? .error : .failed) } ?? .passed
        let result = StepResult(
            learner: context.learner.id, step: step.id, title: title, status: status,
            reason: deciding.map { "verify \($0.index + 1): " + ($0.reason ?? $0.status.rawValue) }, startedAt: started, endedAt: Date(),
            durationSeconds: Date().timeIntervalSince(started), attempts: 1, verify: probes, hint: hint,
            hints: context.resultHints(of: step), why: status == .failed ? deciding?.why : nil)
        let failedGuard = guardProblem.flatMap { $0.status == .failed || $0.status == .timeout ? $0 : nil }
        return verdict.judge(result, previous: previous, failedGuard: status == .passed || status == .failed ? failedGuard : nil)
    }

    /// A capture that `probes` use and nobody made yet.
    func missingCapture(_ probes: [Probe]) -> String? {
        let captureNames = Set(runbook.steps.flatMap { $0.captures.map(\.name) })
        for probe in probes {
            let used =
                probe.command.templates.flatMap(\.variableReferences).map(\.name)
                + probe.expect.streams.flatMap { $0.matcher.templates.flatMap(\.variableReferences) }.map(\.name)
            if let missing = used.first(where: { captureNames.contains($0) && !context.scope.hasCapture($0) }) { return missing }
        }
        return nil
    }

    /// A `verify: self` step's command as a probe.
    static func probe(of step: Step) -> Probe {
        Probe(
            command: step.command, expect: step.expect, cwd: step.cwd, env: step.env, stdin: step.stdin, timeout: step.timeout,
            location: step.location)
    }

    /// `selftest`: a `verify: self` step run once before the first step, where it must fail; one
    /// that needs a capture not made yet counts as failing (SPEC 6.10).
    func runSelfBefore(_ step: Step) async -> ProbeResult {
        if let missing = missingCapture([Self.probe(of: step)]) {
            return ProbeResult(index: 0, status: .failed, reason: "needs capture \(missing), not made before the first step")
        }
        let outcome = await executor.execute(
            CommandInvocation(
                command: step.command, expect: step.expect, captures: step.captures, stdin: step.stdin,
                cwd: step.cwd ?? runbook.defaults.cwd,
                env: runbook.defaults.env + step.env, timeout: timeout(of: step), stepId: step.id, marksCreations: true),
            in: context)
        return probeResult(index: 0, outcome)
    }

    /// Runs a step's verify probes in order; all run even after one fails.
    func runProbes(_ step: Step, timeout: Duration) async -> [ProbeResult] {
        var results: [ProbeResult] = []
        for (index, probe) in step.verify.enumerated() {
            let outcome = await executor.execute(
                CommandInvocation(
                    command: probe.command, expect: probe.expect, stdin: probe.stdin, cwd: probe.cwd ?? runbook.defaults.cwd,
                    env: runbook.defaults.env + probe.env, timeout: probe.timeout ?? timeout, stepId: step.id, marksCreations: true),
                in: context)
            var result = probeResult(index: index, outcome)
            if result.status == .failed, result.why == nil { result.why = context.why(probe.why) }
            results.append(result)
        }
        return results
    }

    /// Runs the cleanup items, each with its own limit, journaling each; they never change the exit status.
    func runCleanup() async {
        let captureNames = Set(runbook.steps.flatMap { $0.captures.map(\.name) })
        for (index, item) in runbook.cleanup.enumerated() {
            let result: ProbeResult
            let used = item.command.templates.flatMap(\.variableReferences).map(\.name)
            if let missing = used.first(where: { captureNames.contains($0) && !context.scope.hasCapture($0) }) {
                result = ProbeResult(index: index, status: .skipped, reason: "capture \(missing) was never made")
            } else if let message = context.unreachable(Set([item.command.backend].compactMap { $0 })) {
                result = ProbeResult(index: index, status: .error, reason: message)
            } else {
                let outcome = await executor.execute(
                    CommandInvocation(
                        command: item.command, expect: Expectation(exit: .any), stdin: item.stdin, cwd: item.cwd ?? runbook.defaults.cwd,
                        env: runbook.defaults.env + item.env, timeout: item.timeout ?? configuration.cleanupTimeout, stepId: "cleanup",
                        marksCreations: false, interruptible: false),
                    in: context)
                result = probeResult(index: index, outcome)
            }
            await session.recorder.record(.cleanup(CleanupRecord(learner: context.learner.id, result: result)))
            session.observer?.handle(.cleanupFinished(learner: context.learner.id, result: result))
        }
    }

    /// A probe's or cleanup item's result from its outcome, redacted.
    func probeResult(index: Int, _ outcome: CommandOutcome) -> ProbeResult {
        ProbeResult(
            index: index, status: outcome.status, reason: outcome.reason, command: outcome.command, exitCode: outcome.exitCode,
            durationSeconds: outcome.durationSeconds, failures: outcome.evaluation.map { context.redacted($0.failures) } ?? [],
            excerpts: outcome.evaluation.map { context.redacted($0.excerpts) }, why: outcome.why)
    }
}
