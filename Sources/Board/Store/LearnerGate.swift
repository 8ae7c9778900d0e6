/// One push at a time per learner (a retry may race the original): the store checks seqs, writes
/// and folds a learner's batch without another batch of theirs in between, while other learners'
/// batches go on. Used inside the store's actor.
struct LearnerGate {
    private var busy: Set<String> = []
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    /// Creates an open gate.
    init() {}

    /// Takes `learner`'s turn now (true) or queues `continuation` for it (false).
    mutating func enter(_ learner: String, or continuation: CheckedContinuation<Void, Never>) -> Bool {
        guard busy.contains(learner) else {
            busy.insert(learner)
            return true
        }
        waiting[learner, default: []].append(continuation)
        return false
    }

    /// Ends `learner`'s turn; returns the next waiter, who now holds it.
    mutating func leave(_ learner: String) -> CheckedContinuation<Void, Never>? {
        guard var queue = waiting[learner], !queue.isEmpty else {
            busy.remove(learner)
            waiting[learner] = nil
            return nil
        }
        let next = queue.removeFirst()
        waiting[learner] = queue.isEmpty ? nil : queue
        return next
    }
}
