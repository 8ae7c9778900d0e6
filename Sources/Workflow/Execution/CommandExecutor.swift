import Foundation

/// Runs one command for a learner and checks it against its expectations.
struct CommandExecutor: Sendable {
    /// What runs, with the kinds.
    let configuration: RunConfiguration
    /// Starts and supervises processes.
    let runner: ProcessRunner
    /// Ctrl-C: a running command stops.
    let interrupt: InterruptSignal
    /// Where the running command and its latest line are shown.
    let live: LiveStatus?
    /// Who gets events (output lines with --verbose).
    let observer: (any RunObserver)?

    /// Substitutes, prepares, runs and evaluates `invocation` in `context`'s scope.
    func execute(_ invocation: CommandInvocation, in context: LearnerContext) async -> CommandOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        let scope = context.scope
        let redactor = context.redactor
        func failure(_ status: StepStatus, _ reason: String, command: CommandRecord? = nil) -> CommandOutcome {
            CommandOutcome(status: status, reason: redactor.redact(reason), durationSeconds: (clock.now - start).seconds, command: command)
        }
        guard let kind = configuration.registry.kind(invocation.command.key) else {
            return failure(.error, "no runner for `\(invocation.command.key):` commands")
        }
        let resolved: ResolvedCommand
        var environment = context.environment
        let directory: String
        let input: String?
        do throws(VariableError) {
            resolved = try Self.resolve(invocation.command, in: scope)
            for entry in invocation.env { environment[entry.name] = try scope.render(entry.value) }
            if kind.exportsVariables {
                for (name, value) in scope.exportedValues() where !invocation.env.contains(where: { $0.name == name }) {
                    environment[name] = value
                }
            }
            let cwd =
                try invocation.cwd.map { template throws(VariableError) in try scope.render(template) } ?? configuration.runbook.directory
            directory =
                cwd.hasPrefix("/")
                ? cwd : URL(fileURLWithPath: configuration.runbook.directory).appendingPathComponent(cwd).standardizedFileURL.path
            input = try invocation.stdin.map { template throws(VariableError) in try scope.render(template) }
        } catch {
            return failure(.error, error.message)
        }
        if let missing = Self.missingDirectory(directory, mode: configuration.policy.mode) {
            // SPEC 6.11: a folder an earlier step makes is not there yet: the learner has not done that step.
            return failure(.failed, missing)
        }
        var commandContext = CommandContext(
            learner: context.learner.id, step: invocation.stepId, runId: configuration.runId, environment: environment,
            marksCreations: invocation.marksCreations, capabilities: context.capabilities, facts: context.facts,
            workingDirectory: directory)
        commandContext.module = configuration.runbook.moduleId
        commandContext.authorEnvironment = Set(invocation.env.map(\.name))
        commandContext.readiness = invocation.readiness
        commandContext.expectedStatus = invocation.expect.status
        let prepared: PreparedCommand
        switch kind.prepare(resolved, context: commandContext) {
        case .failure(let problem): return failure(.error, problem.message)
        case .success(let value): prepared = value
        }
        environment.merge(prepared.environment) { _, added in added }
        if prepared.createsResources && !prepared.removesItsResources { context.noteCreation() }
        if prepared.createsResources { context.noteGroups(prepared.groups) }
        let record = CommandRecord(
            key: invocation.command.key, argv: redactor.redact(prepared.argv),
            display: redactor.redact(ShellQuoting.join(prepared.display)),
            binary: redactor.redact(prepared.binary), note: prepared.note.map(redactor.redact))
        let evaluator: OutputEvaluator
        do {
            evaluator = try OutputEvaluator(
                expect: invocation.expect, captures: invocation.captures, finishOnMatch: invocation.finishOnMatch, checks: kind.checks,
                render: { template, asRegex in try scope.render(template, escape: asRegex ? RegexSupport.escape : { $0 }) })
        } catch {
            return failure(.error, "cannot prepare the expectations: \(error)", command: record)
        }
        live?.started(learner: context.learner.id, step: invocation.stepId, title: nil)
        let holds = invocation.holdsOnMatch && invocation.finishOnMatch && prepared.action == nil
        let later = holds ? Self.laterOutput() : nil
        let tap = OutputTap(
            evaluator: evaluator, live: live, learner: context.learner.id, step: invocation.stepId, redactor: redactor, observer: observer,
            later: later)
        let end: CommandEnd
        if let action = prepared.action {
            end = await perform(action, tap: tap, timeout: invocation.timeout, interruptible: invocation.interruptible)
        } else {
            var spec = ProcessSpec(
                executable: prepared.executable, arguments: prepared.arguments, environment: environment, workingDirectory: directory)
            spec.standardInput = input.map { .text($0) } ?? .null
            spec.terminal = invocation.tty
            spec.terminalInput = invocation.tty ? invocation.terminalInput : nil
            spec.timeout = invocation.timeout
            spec.killGrace = configuration.killGrace
            spec.mergesStreams = !invocation.tty && Self.readsOrderedOutput(invocation)
            spec.holdsOnConsumerStop = later != nil
            spec.stopGrace = invocation.stopGrace
            // Under a terminal, matchers see what a terminal shows (SPEC 6.11).
            let (ended, process) =
                invocation.tty
                ? await runProcess(spec, consumer: TerminalLineConsumer(tap), interruptible: invocation.interruptible)
                : await runProcess(spec, consumer: tap, interruptible: invocation.interruptible)
            if let process, let later {
                // The ready line matched and the process runs on: judged now, stopped (or kept) by the caller.
                let evaluation = evaluator.finish(
                    exitCode: nil, subject: nil, capturedBefore: scope.captures, render: { template in try scope.render(template) })
                let status: StepStatus = evaluation.passed ? .passed : .failed
                let reason = evaluation.passed ? nil : evaluation.failures.first.map { redactor.redact("\($0.matcher): \($0.message)") }
                return CommandOutcome(
                    status: status, reason: reason, durationSeconds: (clock.now - start).seconds, command: record, evaluation: evaluation,
                    held: HeldProcess(process: process, later: later, command: record))
            }
            end = ended
        }
        let duration = (clock.now - start).seconds
        if prepared.createsResources && prepared.removesItsResources && !end.endedNormally { context.noteCreation() }
        if let problem = end.error {
            return CommandOutcome(status: .error, reason: redactor.redact(problem), durationSeconds: duration, command: record)
        }
        let exitCode = end.exitCode
        let evaluation = evaluator.finish(
            exitCode: end.stoppedByConsumer ? nil : exitCode, subject: end.facts, capturedBefore: scope.captures,
            render: { template in try scope.render(template) })
        if end.interrupted {
            return CommandOutcome(
                status: .interrupted, reason: "interrupted", exitCode: exitCode, durationSeconds: duration, command: record,
                evaluation: evaluation)
        }
        if end.timedOut {
            return CommandOutcome(
                status: .timeout, reason: "ran past its timeout of \(Self.format(invocation.timeout))", exitCode: exitCode,
                durationSeconds: duration, command: record, evaluation: evaluation)
        }
        if !evaluation.passed || end.failure != nil, let recognise = prepared.environmentFault {
            let output = evaluation.excerpts.output
            if let explanation = recognise(output.head + output.tail) {
                return CommandOutcome(
                    status: .error, reason: redactor.redact(explanation), exitCode: exitCode, durationSeconds: duration, command: record,
                    evaluation: evaluation)
            }
        }
        if let failed = end.failure {
            return CommandOutcome(
                status: .failed, reason: redactor.redact(failed), exitCode: exitCode, durationSeconds: duration, command: record,
                evaluation: evaluation)
        }
        if evaluation.passed {
            return CommandOutcome(status: .passed, exitCode: exitCode, durationSeconds: duration, command: record, evaluation: evaluation)
        }
        var reason = evaluation.failures.first.map { "\($0.matcher): \($0.message)" } ?? "expectations not met"
        if exitCode == nil, let signal = end.signal { reason = "killed by signal \(signal); " + reason }
        return CommandOutcome(
            status: .failed, reason: redactor.redact(reason), exitCode: exitCode, durationSeconds: duration, command: record,
            evaluation: evaluation, why: evaluation.failures.first?.why.map(redactor.redact))
    }

    /// What records a held process's output after its ready line: excerpts, no check.
    static func laterOutput() -> OutputEvaluator? {
        try? OutputEvaluator(expect: Expectation(exit: .any), captures: [], finishOnMatch: false, render: { template, _ in template.raw })
    }

    /// Why `directory` (a step's cwd) makes the command "not done" in `mode`, nil when it exists or
    /// when `run` reports it as the `error` it always was (SPEC 6.11: check, guide and selftest).
    static func missingDirectory(_ directory: String, mode: RunMode) -> String? {
        guard mode != .run else { return nil }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue { return nil }
        return "its folder \(directory) does not exist (yet): not done"
    }

    /// Whether the order of lines across the two streams decides the checks: an `output` `lines:`
    /// matcher, and nothing that tells the streams apart (then both go through one pipe, SPEC 1.2).
    static func readsOrderedOutput(_ invocation: CommandInvocation) -> Bool {
        let streams = invocation.expect.streams
        guard streams.contains(where: { if $0.stream == .output, case .lines = $0.matcher { true } else { false } }) else { return false }
        return streams.allSatisfy { $0.stream == .output } && invocation.captures.allSatisfy { $0.stream == .output }
    }

    /// `command` with every word and option substituted from `scope` (the script stays as written).
    static func resolve(_ command: Command, in scope: VariableScope) throws(VariableError) -> ResolvedCommand {
        var options: [(name: String, value: String)] = []
        for option in command.options { options.append((option.name, try scope.render(option.value))) }
        let words = try command.words.map { template throws(VariableError) in try scope.render(template) }
        return ResolvedCommand(key: command.key, words: words, script: command.script, options: options)
    }

    /// `2m`, `90s`, `1m30s` for reasons.
    static func format(_ duration: Duration) -> String {
        let milliseconds = Int(duration.seconds * 1000)
        if milliseconds % 1000 != 0 { return "\(milliseconds)ms" }
        var seconds = milliseconds / 1000
        var text = ""
        if seconds >= 3600 { text += "\(seconds / 3600)h"; seconds %= 3600 }
        if seconds >= 60 { text += "\(seconds / 60)m"; seconds %= 60 }
        if seconds > 0 || text.isEmpty { text += "\(seconds)s" }
        return text
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    public var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
