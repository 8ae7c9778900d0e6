/// How long `check` waits for what a step waits for (SPEC 6.11).
extension StepExecution {
    /// A `retry: { for }` in `check`: at most `--wait`, and no wait at all when the command names
    /// something that does not exist (a container), which waiting will not bring.
    func checkRetry(_ step: Step, _ retry: Retry) async -> Retry {
        guard let window = retry.window, let cap = configuration.checkWait else { return retry }
        if await missingPrerequisite(of: step) != nil { return Retry(attempts: 1) }
        return Retry(for: min(window, cap), every: retry.delay)
    }

    /// What the step's command needs that is not there, as its kind tells (nil: nothing, or it cannot tell).
    func missingPrerequisite(of step: Step) async -> String? {
        guard let kind = configuration.registry.kind(step.command.key),
            let resolved = try? CommandExecutor.resolve(step.command, in: context.scope)
        else { return nil }
        var commandContext = CommandContext(
            learner: context.learner.id, step: step.id, runId: configuration.runId, environment: context.environment, marksCreations: false,
            capabilities: context.capabilities, facts: context.facts)
        commandContext.module = runbook.moduleId
        return await kind.missingPrerequisite(resolved, context: commandContext)
    }
}
