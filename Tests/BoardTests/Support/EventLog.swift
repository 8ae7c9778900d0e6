import Synchronization

/// Events seen by a follower task, read by the test.
final class EventLog: Sendable {
    private let events = Mutex<[BoardHTTP.Event]>([])

    /// Creates an empty log.
    init() {}

    /// Adds one; returns how many there are now.
    @discardableResult
    func append(_ event: BoardHTTP.Event) -> Int {
        events.withLock { events in
            events.append(event)
            return events.count
        }
    }

    /// What was seen so far.
    var all: [BoardHTTP.Event] { events.withLock { $0 } }
}
