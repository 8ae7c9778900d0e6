import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Lets the calling task reach a run's supervisor thread: a cancellation flag, a stop request
/// (`RunningProcess.stop()`) and a wake-up pipe that the supervisor polls; and lets the
/// supervisor tell the caller that the run is held (its consumer matched) or has ended.
///
/// The pipe is closed in `deinit`, so a cancellation handler that fires late still writes to
/// this run's pipe and never to a reused descriptor.
final class RunControl: Sendable {
    /// Set once the calling task is cancelled.
    private let cancelled = Atomic<Bool>(false)
    /// Set once the caller asked for the stop sequence (SIGINT first).
    private let stopAsked = Atomic<Bool>(false)
    /// Whether the run is held or ended, and who waits for either.
    private let progress = Mutex<Progress>(Progress())

    /// What `waitHeldOrEnded` waits for.
    private struct Progress {
        /// The consumer asked to stop and the process is kept running.
        var held = false
        /// The run is over.
        var ended = false
        /// Waiting callers.
        var waiters: [CheckedContinuation<Void, Never>] = []
    }
    /// The end the supervisor polls.
    let wakeReadEnd: Int32
    /// The end `cancel()` writes to.
    private let wakeWriteEnd: Int32

    /// Makes the wake-up pipe (both ends non-blocking).
    init() throws(LaunchError) {
        var pipe = try FileDescriptorPipe.make()
        do throws(LaunchError) {
            try DescriptorControl.setNonBlocking(pipe.readEnd)
            try DescriptorControl.setNonBlocking(pipe.writeEnd)
        } catch {
            pipe.close()
            throw error
        }
        wakeReadEnd = pipe.readEnd
        wakeWriteEnd = pipe.writeEnd
    }

    deinit {
        DescriptorControl.close(wakeReadEnd)
        DescriptorControl.close(wakeWriteEnd)
    }

    /// Whether the calling task has been cancelled.
    var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    /// Marks the run cancelled and wakes the supervisor.
    func cancel() {
        cancelled.store(true, ordering: .releasing)
        var byte: UInt8 = 1
        _ = write(wakeWriteEnd, &byte, 1)
    }

    /// Whether the caller asked for the stop sequence.
    var isStopAsked: Bool { stopAsked.load(ordering: .acquiring) }

    /// Asks the supervisor to stop the process as a person would (SIGINT first) and wakes it.
    func askStop() {
        stopAsked.store(true, ordering: .releasing)
        var byte: UInt8 = 1
        _ = write(wakeWriteEnd, &byte, 1)
    }

    /// The supervisor keeps the process running after its consumer asked to stop.
    func markHeld() {
        let waiters = progress.withLock { state in
            state.held = true
            defer { state.waiters = [] }
            return state.waiters
        }
        waiters.forEach { $0.resume() }
    }

    /// The run is over (called once the supervisor returned, or the launch failed).
    func markEnded() {
        let waiters = progress.withLock { state in
            state.ended = true
            defer { state.waiters = [] }
            return state.waiters
        }
        waiters.forEach { $0.resume() }
    }

    /// Returns once the run is held or has ended: true when held (and still running then).
    func waitHeldOrEnded() async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = progress.withLock { state -> Bool in
                if state.held || state.ended { return true }
                state.waiters.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
        return progress.withLock { $0.held }
    }

    /// Empties the wake-up pipe.
    func drainWakeups() {
        var bytes = (UInt64(0), UInt64(0))
        while withUnsafeMutableBytes(of: &bytes, { read(wakeReadEnd, $0.baseAddress, $0.count) }) > 0 {}
    }
}
