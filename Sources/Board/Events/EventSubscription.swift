/// A browser's place on the event stream: what to send first, then the live events.
struct EventSubscription: Sendable {
    /// The subscriber's number, to unsubscribe.
    var number: Int
    /// Events to send first, when the browser resumes from an event still kept.
    var replay: [BoardEvent]
    /// The event id a snapshot stands for, when the browser cannot resume (new, too old, another server start).
    var snapshotAt: String?
    /// The live events after those.
    var stream: AsyncStream<BoardEvent>
}
