/// Receives run events; called from the learners' tasks, possibly concurrently.
public protocol RunObserver: Sendable {
    /// Whether output lines should be delivered as `.outputLine` events (costly; for --verbose).
    var wantsOutputLines: Bool { get }
    /// Handles one event.
    func handle(_ event: RunEvent)
}
