import Foundation
import Frontend
import Workflow

/// The interactive loop of `runbook guide`: shows each step, reads the learner's keys, runs or
/// checks the step, and saves the progress after every step.
final class GuideController {
    /// How the walk through the steps ended.
    enum Ending: Equatable {
        /// The last step was visited.
        case finished
        /// The learner pressed `q`.
        case quit
        /// Ctrl-C twice, SIGTERM, SIGHUP, or the terminal went away.
        case interrupted
    }

    /// What the learner chose for one step.
    private enum Visit { case next, quit, interrupted }

    let session: LearnerSession
    let screen: GuideScreen
    private let terminal: RawTerminal
    private let interrupts: GuideInterrupts
    let keys: KeyReader
    private let store: GuideStateStore
    /// The progress, saved after every step.
    var state: GuideState
    /// The latest result of each step (earlier sessions' included), by id.
    var results: [String: StepResult]
    /// The step shown last (where a learner who quits leaves, SPEC 7.1).
    private(set) var currentStep: String?
    private var saveFailed = false

    /// Creates the loop over a started session and its saved state.
    init(
        session: LearnerSession, screen: GuideScreen, terminal: RawTerminal, interrupts: GuideInterrupts, store: GuideStateStore,
        state: GuideState
    ) {
        self.session = session
        self.screen = screen
        self.terminal = terminal
        self.interrupts = interrupts
        self.keys = KeyReader(descriptor: terminal.descriptor, interrupts: interrupts)
        self.store = store
        self.state = state
        self.results = state.results
    }

    private var steps: [Step] { session.runbook.steps }

    /// The number of steps done.
    var doneCount: Int { state.doneCount(in: steps) }

    /// The index of the first step not done, nil when every step is.
    var firstNotDone: Int? { state.firstNotDone(in: steps) }

    /// Asks a yes/no question; nil when the learner quits instead.
    func ask(_ question: String) async -> Bool? {
        screen.paragraph(question + " [y/n]")
        while true {
            switch await keys.next() {
            case .key(.yes): return true
            case .key(.no): return false
            case .key(.quit), .request(.quit), .hangUp: return nil
            case .request(.armed): screen.paragraph("Press Ctrl-C again to quit.", screen.style.dim)
            case .key: screen.paragraph("Press y or n (q quits).", screen.style.dim)
            }
        }
    }

    /// Journals the results kept from earlier sessions, so that this session's results.json holds them.
    func journalEarlierResults() async {
        for step in steps {
            if let result = results[step.id] { await session.record(result) }
        }
    }

    /// Walks the steps from `start`: every step when `everyStep`, else only the steps not done yet.
    func walk(from start: Int, everyStep: Bool) async -> Ending {
        var index = start
        while index < steps.count {
            if !everyStep && index != start && state.isDone(steps[index]) {
                index += 1
                continue
            }
            switch await visit(index) {
            case .next: index += 1
            case .quit: return .quit
            case .interrupted: return .interrupted
            }
        }
        return .finished
    }

    /// One step: its card, then keys until the learner moves on.
    private func visit(_ index: Int) async -> Visit {
        let step = steps[index]
        currentStep = step.id
        let decided = session.gate(stepAt: index, previous: gateResults())
        if let decided, decided.status != .error {
            screen.print(
                screen.style.dim(
                    "\n\(decided.status.symbol) Step \(index + 1) of \(steps.count) · \(step.id): \(decided.status.rawValue)"
                        + (decided.reason.map { " (\(VisibleText.sanitize($0)))" } ?? "")))
            await record(decided)
            return .next
        }
        guard await RequiredVarPrompt(keys: keys, screen: screen).provide(forStepAt: index, in: session) else { return .quit }
        let presentation = session.presentation(ofStepAt: index)
        await showCard(presentation)
        var afterFailure = false
        if let decided {
            // The step's engine is unreachable: say so; the learner may skip it or quit.
            await record(decided)
            screen.outcome(decided, checked: false)
            afterFailure = true
        }
        screen.keys(afterFailure: afterFailure, hasProbes: step.hasProbes)
        while true {
            let input = await keys.next()
            switch input {
            case .key(.run), .key(.retry):
                let forwarder = step.tty ? try? KeyForwarder(source: terminal.descriptor) : nil
                let result = await perform(checking: false, forwarder: forwarder) { [session, results = gateResults()] signal in
                    await session.run(stepAt: index, previous: results, interrupt: signal, typing: forwarder?.readEnd)
                }
                let hint = await record(result, attempt: true)
                if interrupts.quitRequested { return .interrupted }
                screen.outcome(result, checked: false)
                hint.map(screen.hint)
                if result.status == .passed || result.status == .skipped { return .next }
                afterFailure = true
                screen.keys(afterFailure: true, hasProbes: step.hasProbes)
            case .key(.check):
                guard step.hasProbes else {
                    screen.paragraph("  This step has no verify probe, so runbook cannot check what you ran by hand.", screen.style.yellow)
                    screen.paragraph("  Press Enter to run it here, or s to skip it.", screen.style.dim)
                    continue
                }
                let result = await perform(checking: true) { [session, results] signal in
                    await session.check(stepAt: index, interrupt: signal, previous: results)
                }
                let hint = await record(result, attempt: true)
                if interrupts.quitRequested { return .interrupted }
                screen.outcome(result, checked: true)
                hint.map(screen.hint)
                if result.status == .passed {
                    if !session.missingCaptures(ofStepAt: index).isEmpty {
                        guard await askForCaptures(index) else { return interrupts.quitRequested ? .interrupted : .quit }
                        state.captures = storableCaptures()
                        save()
                    }
                    return .next
                }
                screen.keys(afterFailure: afterFailure, hasProbes: true)
            case .key(.skip):
                await record(
                    StepResult(
                        learner: session.learner.id, step: step.id, title: presentation.title, status: .skipped,
                        reason: GuideState.learnerSkipReason,
                        hint: presentation.hint))
                screen.paragraph("  ○ Skipped; it stays not done, and the next `runbook guide` comes back to it.", screen.style.dim)
                return .next
            case .key(.quit):
                return .quit
            case .key(.help), .key(.hand), .key(.other), .key(.yes), .key(.no):
                if input == .key(.help) { await help(step, afterFailure: afterFailure) }
                if input == .key(.hand) {  // class board (SPEC 7.1): "hand raised" only once the board acknowledged it
                    let board = await session.raiseHand(step: step.id) ? screen.board : nil
                    screen.handRaised(await board?.confirmHand())
                }
                screen.keys(afterFailure: afterFailure, hasProbes: step.hasProbes)
            case .request(.armed):
                screen.paragraph("  Press Ctrl-C again to save and quit (or q).", screen.style.yellow)
            case .request(.quit), .hangUp:
                return .interrupted
            }
        }
    }

    /// Runs a step or its check with output streaming and Ctrl-C wired to stop it.
    private func perform(
        checking: Bool, forwarder: KeyForwarder? = nil, _ action: @escaping @Sendable (InterruptSignal) async -> StepResult
    ) async -> StepResult {
        let signal = InterruptSignal()
        interrupts.stepStarted(signal)
        var running = checking ? "  ▶ Checking… (Ctrl-C stops it)" : "  ▶ Running… (Ctrl-C stops it)"
        if forwarder != nil { running = "  ▶ Running in a terminal: what you type goes to it (Ctrl-C stops it)" }
        screen.print(screen.style.dim(running))
        screen.streamOutput(true)
        let result = await withTaskGroup(of: StepResult?.self) { group in
            if let forwarder {
                group.addTask {
                    await forwarder.forward()
                    return nil
                }
            }
            group.addTask { await action(signal) }
            var result: StepResult?
            while let next = await group.next() {
                if let next {
                    result = next
                    group.cancelAll()
                }
            }
            return result!
        }
        screen.streamOutput(false)
        interrupts.stepEnded()
        terminal.discardTypedAhead()
        return result
    }

    /// The results the engine judges `needs` by: a step the learner skipped is not one the runbook
    /// skipped, so its dependents are still offered.
    private func gateResults() -> [String: StepResult] {
        results.filter { !($0.value.status == .skipped && $0.value.reason == GuideState.learnerSkipReason) }
    }

    /// The captures that may be stored: those whose value holds no secret.
    func storableCaptures() -> [String: String] {
        let redactor = session.context.redactor
        return session.captures.filter { redactor.redact($0.value) == $0.value }
    }

    /// Saves the state; a failure is said once and the session goes on.
    func save() {
        do {
            try store.save(state)
        } catch {
            guard !saveFailed else { return }
            saveFailed = true
            screen.paragraph("  ⚠ progress not saved: \(error.description)", screen.style.yellow)
        }
    }
}
