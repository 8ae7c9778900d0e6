import Synchronization

/// Tells the pushers that the command is ending: push what is left, then stop.
final class FinishSignal: Sendable {
    private let flag = Mutex(false)

    /// Creates an unset signal.
    init() {}

    /// Whether the command is ending.
    var isSet: Bool { flag.withLock { $0 } }

    /// Sets the signal.
    func set() {
        flag.withLock { $0 = true }
    }
}
