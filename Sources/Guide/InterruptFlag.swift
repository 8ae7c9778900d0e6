import Frontend
import Synchronization

/// Set once by a signal handler, read by the work it stops.
final class InterruptFlag: Sendable {
    /// Whether it was set.
    private let value = Atomic(false)

    /// Marks the flag.
    func set() { value.store(true, ordering: .sequentiallyConsistent) }

    /// Whether it was marked.
    var isSet: Bool { value.load(ordering: .sequentiallyConsistent) }
}
