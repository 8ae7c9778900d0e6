/// Running what a kind prepared: a process, or an in-process action, each bounded by the
/// step's timeout and stopped by Ctrl-C.
extension CommandExecutor {
    /// Runs the process (stopped by Ctrl-C when `interruptible`); with `spec.holdsOnConsumerStop`,
    /// returns as soon as the consumer matched, the process still running and handed back.
    func runProcess(_ spec: ProcessSpec, consumer: some LineConsumer, interruptible: Bool) async -> (CommandEnd, RunningProcess?) {
        guard spec.holdsOnConsumerStop else {
            let outcome = interruptible ? await runUnlessInterrupted(spec, consumer) : await runner.run(spec, consumer: consumer)
            return (CommandEnd(outcome), nil)
        }
        let process = runner.start(spec, consumer: consumer)
        let interrupt = interrupt
        let held = await withTaskGroup(of: Bool?.self) { group -> Bool in
            group.addTask { await process.waitUntilHeld() }
            if interruptible {
                group.addTask {
                    await interrupt.wait()
                    return Task.isCancelled ? nil : false
                }
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? false
        }
        if held && !interrupt.isTriggered { return (CommandEnd(ProcessOutcome()), process) }
        if interrupt.isTriggered && interruptible { process.cancel() }
        return (CommandEnd(await process.outcome), nil)
    }

    /// Runs the process, stopping it if the interrupt fires first.
    func runUnlessInterrupted(_ spec: ProcessSpec, _ tap: some LineConsumer) async -> ProcessOutcome {
        await withTaskGroup(of: ProcessOutcome?.self) { group in
            group.addTask { await runner.run(spec, consumer: tap) }
            group.addTask {
                await interrupt.wait()
                return nil
            }
            var result: ProcessOutcome?
            while let next = await group.next() {
                if let outcome = next {
                    result = outcome
                    group.cancelAll()
                } else if result == nil, interrupt.isTriggered {
                    group.cancelAll()
                }
            }
            return result ?? ProcessOutcome(interrupted: true)
        }
    }

    /// Performs `action` into `tap`, racing the timeout and (unless it is a cleanup item) Ctrl-C;
    /// the loser is cancelled.
    func perform(_ action: any CommandAction, tap: OutputTap, timeout: Duration, interruptible: Bool) async -> CommandEnd {
        enum Finish: Sendable {
            case done(ActionOutcome)
            case timedOut
            case interrupted
        }
        let output = ActionOutput(consumer: tap)
        let interrupt = interrupt
        let finish = await withTaskGroup(of: Finish?.self) { group -> Finish in
            group.addTask { .done(await action.perform(output)) }
            group.addTask {
                do {
                    try await Task.sleep(for: timeout)
                    return .timedOut
                } catch {
                    return nil
                }
            }
            if interruptible {
                group.addTask {
                    await interrupt.wait()
                    return Task.isCancelled ? nil : .interrupted
                }
            }
            var first: Finish?
            while let next = await group.next() {
                if let next, first == nil {
                    first = next
                    group.cancelAll()
                }
            }
            return first ?? .interrupted
        }
        output.finish()
        switch finish {
        case .done(let outcome): return CommandEnd(outcome)
        case .timedOut: return CommandEnd(timedOut: true, interrupted: false)
        case .interrupted: return CommandEnd(timedOut: false, interrupted: true)
        }
    }
}
