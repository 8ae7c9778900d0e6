/// Decides whether a step runs at all (SPEC 1.4, 3): selection, a stopped run, an unreachable
/// backend, needs, and `when:` conditions — in that order.
struct StepGate {
    /// What runs.
    let configuration: RunConfiguration
    /// The learner.
    let context: LearnerContext
    /// Set once the run stops starting steps.
    let stop: RunStopFlag

    /// The result of the step at `index` when it does not run, given the results of the steps
    /// before it (by id); nil when it should run.
    func decide(stepAt index: Int, previous: [String: StepResult]) -> StepResult? {
        let runbook = configuration.runbook
        let step = runbook.steps[index]
        func ended(_ status: StepStatus, _ reason: String?) -> StepResult {
            StepResult(
                learner: context.learner.id, step: step.id, title: context.text(step.title), status: status,
                reason: reason.map(context.redactor.redact), hint: context.text(step.hint),
                hints: context.resultHints(of: step))
        }
        if !configuration.selection.isSelected(step, index: index, in: runbook) { return ended(.skipped, "not selected") }
        if let reason = stop.reason { return ended(.skipped, reason) }
        if let problem = context.setupProblem { return ended(.error, problem) }
        if let message = context.unreachable(step.backends) { return ended(.error, message) }
        // `check` judges each step by its own probes: what the learner did by hand needs no order.
        for need in step.needs where configuration.policy.runsCommands {
            guard let needed = previous[need] else { continue }
            if needed.status == .skipped { return ended(.skipped, needed.reason) }
            if !needed.status.satisfiesNeeds { return ended(.blocked, "needs '\(need)', which \(Self.describe(needed.status))") }
        }
        for condition in step.when {
            if let reason = unmetReason(condition) { return ended(.skipped, reason) }
        }
        // Inside a container, `${workdir}` is made (or refused) when the first step that uses it runs.
        if let onDemand = context.workdirOnDemand, WorkdirOnDemand.needs(step), let problem = onDemand.ensure() {
            return ended(.error, problem)
        }
        return nil
    }

    /// Why a `when:` condition does not hold, or nil when it does.
    func unmetReason(_ condition: Condition) -> String? {
        switch condition.subject {
        case .capability(let capability):
            let present = capability == .tty ? configuration.stdinIsTerminal : context.capabilities.contains(capability)
            guard present == condition.negated else { return nil }
            let declaration = configuration.registry.capabilities.first { $0.capability == capability }
            if present { return "\(declaration?.presentReason ?? "\(capability) is available") (when: \(condition.raw))" }
            return context.facts[capability.absentReasonFact] ?? declaration?.absentReason ?? "\(capability) is not available"
        case .value(let template):
            let value = (try? context.scope.render(template)) ?? ""
            guard Condition.isTruthy(value) == condition.negated else { return nil }
            return "condition \(condition.raw) is false"
        }
    }

    /// How a need's status reads in "needs 'x', which …".
    static func describe(_ status: StepStatus) -> String {
        switch status {
        case .failed: "failed"
        case .timeout: "timed out"
        case .error: "could not run"
        case .blocked: "was blocked"
        case .interrupted: "was interrupted"
        case .passed, .skipped: "did not pass"
        }
    }
}
