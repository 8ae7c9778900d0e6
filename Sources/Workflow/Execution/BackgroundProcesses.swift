import Synchronization

/// The processes of a learner's `background: true` steps that still run, by step id: at most one
/// per step id (SPEC 6.11). A `stop:` step takes its process out; the end of the run or guide
/// stops whatever is left.
final class BackgroundProcesses: Sendable {
    /// The processes, by step id.
    private let running = Mutex<[String: HeldProcess]>([:])

    /// Keeps `process` as step `step`'s; an earlier one of the same step is stopped first.
    func keep(_ process: HeldProcess, for step: String) async {
        if let earlier = take(step) { _ = await earlier.stop() }
        running.withLock { $0[step] = process }
    }

    /// Takes the process of step `step` out, nil when none runs.
    func take(_ step: String) -> HeldProcess? {
        running.withLock { $0.removeValue(forKey: step) }
    }

    /// Whether step `step` has a process in the background.
    func isRunning(_ step: String) -> Bool {
        running.withLock { $0[step] != nil }
    }

    /// Stops every process left, all at once, and waits for their ends.
    func stopAll() async {
        let all = running.withLock { state -> [HeldProcess] in
            defer { state = [:] }
            return Array(state.values)
        }
        await withTaskGroup(of: Void.self) { group in
            for process in all { group.addTask { _ = await process.stop() } }
        }
    }
}
