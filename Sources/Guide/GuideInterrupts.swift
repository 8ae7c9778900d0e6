import Foundation
import Synchronization
import Workflow

/// Ctrl-C, SIGTERM and SIGHUP during `runbook guide` (SPEC 3).
///
/// While a step runs, the first Ctrl-C stops it and the learner is back at the prompt; a second one
/// (before any key) saves and quits with 130 — at once if the step is still stopping. At the
/// prompt, a first Ctrl-C only says how to quit and a second saves and quits. SIGTERM and SIGHUP
/// stop the running step and save and quit.
///
/// `@unchecked Sendable`: the mutable state is behind a mutex; the signal sources are set once
/// in `init` and only cancelled in `deinit`.
public final class GuideInterrupts: @unchecked Sendable {
    /// What the prompt has to act on.
    public enum Request: Equatable, Sendable {
        /// The first Ctrl-C at the prompt: say that a second one quits.
        case armed
        /// Save and quit, with exit status 130.
        case quit
    }

    private struct State {
        var count = 0
        var running: InterruptSignal?
        var requests: [Request] = []
        var quitting = false
    }

    private let state = Mutex(State())
    /// The signal sources; set once in `init`, cancelled in `deinit`.
    private let sources: [any DispatchSourceSignal]

    /// Starts listening; `notice` prints a line for the learner; `quitNow` restores the terminal
    /// and exits (a second Ctrl-C while a step is still stopping).
    public init(notice: @escaping @Sendable (String) -> Void, quitNow: @escaping @Sendable () -> Never) {
        let queue = DispatchQueue(label: "runbook.guide.signals")
        let numbers = [SIGINT, SIGTERM, SIGHUP]
        sources = numbers.map { number in
            signal(number, SIG_IGN)
            return DispatchSource.makeSignalSource(signal: number, queue: queue)
        }
        for (number, source) in zip(numbers, sources) {
            source.setEventHandler { [weak self] in
                guard let self else { return }
                switch self.handle(number) {
                case .none: break
                case .stopping: notice("Stopping the step… (Ctrl-C again to save and quit)")
                case .immediate: quitNow()
                }
            }
            source.resume()
        }
    }

    deinit {
        sources.forEach { $0.cancel() }
    }

    private enum Reaction { case none, stopping, immediate }

    private func handle(_ number: Int32) -> Reaction {
        state.withLock { state in
            guard number == SIGINT else {
                state.running?.trigger()
                state.quitting = true
                state.requests.append(.quit)
                return .none
            }
            state.count += 1
            if let running = state.running {
                if state.count == 1 {
                    running.trigger()
                    return .stopping
                }
                return .immediate
            }
            state.requests.append(state.count == 1 ? .armed : .quit)
            if state.count > 1 { state.quitting = true }
            return .none
        }
    }

    /// A step starts; Ctrl-C now stops it through `signal`.
    public func stepStarted(_ signal: InterruptSignal) {
        state.withLock { $0.running = signal }
    }

    /// The step ended (the Ctrl-C count is kept: a second one now saves and quits).
    public func stepEnded() {
        state.withLock { $0.running = nil }
    }

    /// The learner pressed a key: Ctrl-C counts from zero again.
    public func keyPressed() {
        state.withLock { $0.count = 0 }
    }

    /// The oldest request not yet handled.
    public func takeRequest() -> Request? {
        state.withLock { state in state.requests.isEmpty ? nil : state.requests.removeFirst() }
    }

    /// Whether a quit was asked for (SIGTERM, SIGHUP or a second Ctrl-C).
    public var quitRequested: Bool { state.withLock { $0.quitting } }
}
