import Synchronization

/// Set when the whole run must stop starting steps: fail-fast or an interrupt; holds the skip reason.
public final class RunStopFlag: Sendable {
    private let state = Mutex<String?>(nil)

    /// Creates an unset flag.
    public init() {}

    /// The reason steps are skipped from now on ("fail-fast", "interrupted"), or nil.
    public var reason: String? { state.withLock { $0 } }

    /// Stops the run; the first reason wins.
    public func stop(reason: String) {
        state.withLock { if $0 == nil { $0 = reason } }
    }
}
