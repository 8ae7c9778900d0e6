import Foundation

/// Runs a runbook's steps for one learner, in file order, then its cleanup (SPEC 1.4, 3, 5).
public struct LearnerRunner: Sendable {
    let configuration: RunConfiguration
    let context: LearnerContext
    let executor: CommandExecutor
    let journal: Journal?
    let observer: (any RunObserver)?
    let stop: RunStopFlag
    /// `runbook guide`: keys the learner types, copied to the terminal of `tty: true` steps.
    var terminalInput: Int32?

    /// Results of the steps finished so far, by id.
    final class Progress: @unchecked Sendable {
        var results: [String: StepResult] = [:]
    }

    /// Runs every step (or, in check mode, every step's probes) and, in run and selftest modes, the cleanup.
    public func run() async -> [StepResult] {
        let progress = Progress()
        var results: [StepResult] = []
        let runbook = configuration.runbook
        for index in runbook.steps.indices {
            let result = await runStep(at: index, progress: progress)
            progress.results[result.step] = result
            results.append(result)
            await journal?.append(.step(result))
            observer?.handle(.stepFinished(result))
            if result.status.isFailure && result.status != .interrupted && configuration.failFast { stop.stop(reason: "fail-fast") }
        }
        if configuration.mode == .run || configuration.mode == .selftest {
            // The run's labelled containers are swept while the cleanup items run.
            let engine = context.engineUnreachable == nil && runbook.usesDockerEngine ? configuration.engine : nil
            let labels = ["io.runbook.run": configuration.runId, "io.runbook.learner": context.learner.id]
            let environment = context.environment
            async let swept = engine?.removeContainers(labels: labels, onlyStopped: false, environment: environment) ?? 0
            await runCleanup()
            _ = await swept
        }
        observer?.handle(.learnerFinished(learner: context.learner.id))
        return results
    }

    /// Decides and produces one step's result.
    func runStep(at index: Int, progress: Progress) async -> StepResult {
        if let decided = gate(at: index, progress: progress) { return decided }
        let step = configuration.runbook.steps[index]
        let title = step.title.flatMap { try? context.scope.render($0) }.map(context.redactor.redact)
        let hint = step.hint.flatMap { try? context.scope.render($0) }.map(context.redactor.redact)
        switch configuration.mode {
        case .check: return await checkStep(step, title: title, hint: hint)
        case .run, .guide, .selftest: return await executeStep(step, title: title, hint: hint)
        }
    }

    /// The result of a step that does not run (not selected, the run stopped, its engine
    /// unreachable, a need not met, a condition false), or nil when it should run.
    func gate(at index: Int, progress: Progress) -> StepResult? {
        let runbook = configuration.runbook
        let step = runbook.steps[index]
        let redactor = context.redactor
        func ended(_ status: StepStatus, _ reason: String?) -> StepResult {
            let title = step.title.flatMap { try? context.scope.render($0) }.map(redactor.redact)
            let hint = step.hint.flatMap { try? context.scope.render($0) }.map(redactor.redact)
            return StepResult(learner: context.learner.id, step: step.id, title: title, status: status, reason: reason.map(redactor.redact), hint: hint)
        }
        if !configuration.selection.isSelected(step, index: index, in: runbook) { return ended(.skipped, "not selected") }
        if let reason = stop.reason { return ended(.skipped, reason) }
        let usesEngine = step.command.key.usesDockerEngine || step.verify.contains { $0.command.key.usesDockerEngine }
        if usesEngine, let message = context.engineUnreachable { return ended(.error, message) }
        for need in step.needs {
            guard let needed = progress.results[need] else { continue }
            if needed.status == .skipped { return ended(.skipped, needed.reason) }
            if !needed.status.satisfiesNeeds { return ended(.blocked, "needs '\(need)', which \(Self.describe(needed.status))") }
        }
        for condition in step.when {
            if let reason = unmetReason(condition) { return ended(.skipped, reason) }
        }
        return nil
    }

    /// Runs a step with its retries and probes.
    func executeStep(_ step: Step, title: String?, hint: String?, probesBefore: Bool = false) async -> StepResult {
        let runbook = configuration.runbook
        let started = Date()
        let retry = step.retry ?? runbook.defaults.retry ?? Retry(attempts: 1)
        let timeout = step.timeout ?? runbook.defaults.timeout ?? configuration.defaultTimeout
        observer?.handle(.stepStarted(learner: context.learner.id, step: step.id, title: title, command: nil))
        defer { executor.live?.finished(learner: context.learner.id) }
        var probesBefore: [ProbeResult]?
        var selftestDefect: String?
        if configuration.mode == .selftest, !step.verify.isEmpty {
            let before = await runProbes(step, timeout: timeout)
            probesBefore = before
            selftestDefect = SelftestJudge.defectBefore(before, verifyBefore: step.verifyBefore)
        }
        var attempt = 0
        var outcome: CommandOutcome
        var probes: [ProbeResult] = []
        var status: StepStatus
        var reason: String?
        repeat {
            attempt += 1
            if attempt > 1 {
                if let engine = configuration.engine, step.command.key.usesDockerEngine {
                    await engine.removeContainers(labels: labels(step: step.id), onlyStopped: false, environment: context.environment)
                }
                if retry.delay > .zero { try? await Task.sleep(for: retry.delay) }
            }
            outcome = await executor.execute(
                CommandInvocation(
                    command: step.command, expect: step.expect, captures: step.captures, finishOnMatch: step.finishOnMatch,
                    stdin: step.stdin, cwd: step.cwd ?? runbook.defaults.cwd, env: runbook.defaults.env + step.env, tty: step.tty,
                    timeout: timeout, stepId: step.id, labelContainers: true, terminalInput: terminalInput),
                in: context)
            status = outcome.status
            reason = outcome.reason
            if let captured = outcome.evaluation?.captured {
                for (name, value) in captured { context.scope.setCapture(name, value) }
            }
            probes = []
            if status == .passed {
                probes = await runProbes(step, timeout: timeout)
                if let failed = probes.first(where: { $0.status != .passed }) {
                    status = failed.status == .interrupted ? .interrupted : (failed.status == .error ? .error : .failed)
                    reason = "verify \(failed.index + 1): " + (failed.reason ?? failed.status.rawValue)
                }
            }
            if status == .timeout, let engine = configuration.engine, step.command.key.usesDockerEngine {
                await engine.removeContainers(labels: labels(step: step.id), onlyStopped: false, environment: context.environment)
            }
            if status == .failed, step.command.key.usesDockerEngine, let engine = configuration.engine,
               let message = await engine.unreachableReason(environment: context.environment) {
                status = .error
                reason = context.redactor.redact(message)
            }
        } while (status == .failed || status == .timeout) && attempt < retry.attempts && !executor.interrupt.isTriggered
        if let selftestDefect, status == .passed {
            status = .failed
            reason = selftestDefect
        }
        let evaluation = outcome.evaluation
        let captured = (evaluation?.captured ?? [:]).mapValues(context.redactor.redact)
        return StepResult(
            learner: context.learner.id, step: step.id, title: title, status: status, reason: reason, exitCode: outcome.exitCode,
            startedAt: started, endedAt: Date(), durationSeconds: Date().timeIntervalSince(started), attempts: attempt,
            command: outcome.command, failures: evaluation.map { redacted($0.failures) } ?? [], captured: captured,
            finishedOnMatch: evaluation?.finishedOnMatch ?? false, excerpts: evaluation.map { redacted($0.excerpts) },
            verify: probes, verifyBefore: probesBefore, hint: hint)
    }

    /// `check`: only the probes of a step.
    func checkStep(_ step: Step, title: String?, hint: String?) async -> StepResult {
        let started = Date()
        guard !step.verify.isEmpty else {
            return StepResult(learner: context.learner.id, step: step.id, title: title, status: .skipped, reason: "no verify probe", hint: hint)
        }
        let captureNames = Set(configuration.runbook.steps.flatMap { $0.captures.map(\.name) })
        for probe in step.verify {
            let used = probe.command.words.flatMap(\.variableReferences).map(\.name)
                + (probe.expect.streams.flatMap { $0.matcher.templates.flatMap(\.variableReferences) }.map(\.name))
            if let missing = used.first(where: { captureNames.contains($0) && !context.scope.hasCapture($0) }) {
                return StepResult(learner: context.learner.id, step: step.id, title: title, status: .skipped, reason: "needs capture \(missing)", hint: hint)
            }
        }
        observer?.handle(.stepStarted(learner: context.learner.id, step: step.id, title: title, command: nil))
        defer { executor.live?.finished(learner: context.learner.id) }
        let timeout = step.timeout ?? configuration.runbook.defaults.timeout ?? configuration.defaultTimeout
        let probes = await runProbes(step, timeout: timeout)
        let failed = probes.first { $0.status != .passed }
        let status: StepStatus = failed.map { $0.status == .interrupted ? .interrupted : ($0.status == .error ? .error : .failed) } ?? .passed
        return StepResult(
            learner: context.learner.id, step: step.id, title: title, status: status,
            reason: failed.map { "verify \($0.index + 1): " + ($0.reason ?? $0.status.rawValue) }, startedAt: started, endedAt: Date(),
            durationSeconds: Date().timeIntervalSince(started), attempts: 1, verify: probes, hint: hint)
    }

    /// Runs a step's verify probes in order; all run even after one fails.
    func runProbes(_ step: Step, timeout: Duration) async -> [ProbeResult] {
        var results: [ProbeResult] = []
        for (index, probe) in step.verify.enumerated() {
            let outcome = await executor.execute(
                CommandInvocation(
                    command: probe.command, expect: probe.expect, captures: [], finishOnMatch: false, stdin: probe.stdin,
                    cwd: probe.cwd ?? configuration.runbook.defaults.cwd, env: configuration.runbook.defaults.env + probe.env, tty: false,
                    timeout: probe.timeout ?? timeout, stepId: step.id, labelContainers: true),
                in: context)
            results.append(probeResult(index: index, outcome))
        }
        return results
    }

    /// Runs the cleanup items, each with its own limit; they never change the exit status.
    func runCleanup() async {
        let runbook = configuration.runbook
        let captureNames = Set(runbook.steps.flatMap { $0.captures.map(\.name) })
        for (index, item) in runbook.cleanup.enumerated() {
            let result: ProbeResult
            let used = item.command.words.flatMap(\.variableReferences).map(\.name)
            if let missing = used.first(where: { captureNames.contains($0) && !context.scope.hasCapture($0) }) {
                result = ProbeResult(index: index, status: .skipped, reason: "capture \(missing) was never made")
            } else if item.command.key.usesDockerEngine, let message = context.engineUnreachable {
                result = ProbeResult(index: index, status: .error, reason: message)
            } else {
                let outcome = await executor.execute(
                    CommandInvocation(
                        command: item.command, expect: Expectation(exit: .any), captures: [], finishOnMatch: false, stdin: item.stdin,
                        cwd: item.cwd ?? runbook.defaults.cwd, env: runbook.defaults.env + item.env, tty: false,
                        timeout: item.timeout ?? configuration.cleanupTimeout, stepId: "cleanup", labelContainers: false,
                        interruptible: false),
                    in: context)
                result = probeResult(index: index, outcome)
            }
            await journal?.append(.cleanup(CleanupRecord(learner: context.learner.id, result: result)))
            observer?.handle(.cleanupFinished(learner: context.learner.id, result: result))
        }
    }

    private func probeResult(index: Int, _ outcome: CommandOutcome) -> ProbeResult {
        ProbeResult(
            index: index, status: outcome.status, reason: outcome.reason, command: outcome.command, exitCode: outcome.exitCode,
            durationSeconds: outcome.durationSeconds, failures: outcome.evaluation.map { redacted($0.failures) } ?? [],
            excerpts: outcome.evaluation.map { redacted($0.excerpts) })
    }

    private func labels(step: String) -> [String: String] {
        ["io.runbook.run": configuration.runId, "io.runbook.learner": context.learner.id, "io.runbook.step": step]
    }

    /// Why a `when:` condition does not hold, or nil when it does.
    func unmetReason(_ condition: Condition) -> String? {
        switch condition.subject {
        case .capability(let capability):
            let present = capability == .tty ? configuration.stdinIsTerminal : context.capabilities.contains(capability)
            guard present == condition.negated else { return nil }
            switch (capability, present) {
            case (.gpu, false): return "no NVIDIA runtime on this engine"
            case (.gpu, true): return "a GPU is available (when: \(condition.raw))"
            case (.tty, false): return "stdin is not a terminal"
            case (.tty, true): return "stdin is a terminal (when: \(condition.raw))"
            }
        case .value(let template):
            let value = (try? context.scope.render(template)) ?? ""
            guard Condition.isTruthy(value) == condition.negated else { return nil }
            return "condition \(condition.raw) is false"
        }
    }

    private static func describe(_ status: StepStatus) -> String {
        switch status {
        case .failed: "failed"
        case .timeout: "timed out"
        case .error: "could not run"
        case .blocked: "was blocked"
        case .interrupted: "was interrupted"
        case .passed, .skipped: "did not pass"
        }
    }

    private func redacted(_ failures: [MatcherFailure]) -> [MatcherFailure] {
        failures.map { failure in
            var copy = failure
            copy.expected = context.redactor.redact(copy.expected)
            copy.message = context.redactor.redact(copy.message)
            copy.lines = copy.lines.map { NumberedLine(number: $0.number, text: context.redactor.redact($0.text)) }
            return copy
        }
    }

    private func redacted(_ excerpts: OutputExcerpts) -> OutputExcerpts {
        func redact(_ excerpt: StreamExcerpt) -> StreamExcerpt {
            var copy = excerpt
            copy.head = context.redactor.redact(copy.head)
            copy.tail = context.redactor.redact(copy.tail)
            return copy
        }
        return OutputExcerpts(stdout: redact(excerpts.stdout), stderr: redact(excerpts.stderr), output: redact(excerpts.output))
    }
}
