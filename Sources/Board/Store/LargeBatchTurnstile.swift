import Synchronization

/// Lets one large batch at a time be decoded and checked (SPEC 7.1): a few learners pushing
/// batches of hundreds of records at full speed would otherwise keep every thread of the
/// cooperative pool decoding JSON (two on a 2-core machine), and every other learner's one-record
/// push would wait behind them. Small batches never wait here.
final class LargeBatchTurnstile: Sendable {
    private struct State {
        var busy = false
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    /// Bytes from which a batch is large.
    let threshold: Int
    private let state = Mutex(State())

    /// A turnstile for batches of at least `threshold` bytes.
    init(threshold: Int) {
        self.threshold = threshold
    }

    /// Runs `work` on a batch of `size` bytes: at once when it is small, else when no other large batch is being worked on.
    func pass<T>(size: Int, _ work: () throws(BatchRejection) -> T) async throws(BatchRejection) -> T {
        guard size >= threshold else { return try work() }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLock { state -> Bool in
                guard state.busy else {
                    state.busy = true
                    return true
                }
                state.waiting.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
        defer {
            let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
                guard !state.waiting.isEmpty else {
                    state.busy = false
                    return nil
                }
                return state.waiting.removeFirst()
            }
            next?.resume()
        }
        return try work()
    }
}
