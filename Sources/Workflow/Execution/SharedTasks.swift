import Synchronization

/// One task per key whose result every caller shares: the first caller starts it, the others
/// await the same task. A failure is forgotten once seen, so that the next caller tries again
/// (an engine that was down, an image that could not be built, may work a moment later).
public final class SharedTasks<Key: Hashable & Sendable, Success: Sendable, Failure: Error>: Sendable {
    private let tasks = Mutex<[Key: Task<Result<Success, Failure>, Never>]>([:])

    /// No task yet.
    public init() {}

    /// The result of the task for `key`, started with `work` when none runs or succeeded yet.
    /// Cancelling the caller cancels the shared task.
    public func value(for key: Key, _ work: @escaping @Sendable () async -> Result<Success, Failure>) async -> Result<Success, Failure> {
        let task = tasks.withLock { tasks in
            if let task = tasks[key] { return task }
            let task = Task { await work() }
            tasks[key] = task
            return task
        }
        let result = await withTaskCancellationHandler {
            await task.value
        } onCancel: {
            task.cancel()
        }
        if case .failure = result { tasks.withLock { tasks in if tasks[key] == task { tasks[key] = nil } } }
        return result
    }
}
