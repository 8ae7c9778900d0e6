import Synchronization

/// Sends the board's changes to every browser following `GET /events`, each event with an id
/// (`BOOT-N`), and keeps the latest ones, up to a number of bytes (SPEC 7.1), so that a browser
/// that lost its connection resumes from its `Last-Event-ID`. Publishing is synchronous under a
/// lock, so events leave in the order the store made them.
public final class EventBroadcaster: Sendable {
    private struct State {
        var counter = 0
        /// Kept events from `history[historyStart]` on (the slots before it are dropped lazily).
        var history: [BoardEvent] = []
        var historyStart = 0
        var historyBytes = 0
        var subscribers: [Int: AsyncStream<BoardEvent>.Continuation] = [:]
        var nextSubscriber = 0
        var closed = false
    }

    /// This server start's tag: event ids of another start cannot be resumed from.
    public let boot: String
    private let historyLimit: Int
    private let backlog: Int
    private let maxSubscribers: Int
    private let state = Mutex(State())

    /// Creates a broadcaster keeping `historyBytes` of events, `backlog` events per slow browser,
    /// for at most `subscribers` browsers.
    public init(historyBytes: Int, backlog: Int, subscribers: Int) {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        boot = String((0..<6).map { _ in alphabet.randomElement()! })
        historyLimit = max(1, historyBytes)
        self.backlog = max(1, backlog)
        maxSubscribers = subscribers
    }

    /// The id of the latest event (`BOOT-0` before any).
    public var currentId: String {
        "\(boot)-\(state.withLock { $0.counter })"
    }

    /// Browsers following now.
    public var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// Sends a `name` event with `data` to every browser, and keeps it for resuming.
    public func publish(_ name: BoardEvent.Name, data: String) {
        let cut = state.withLock { state -> [AsyncStream<BoardEvent>.Continuation] in
            guard !state.closed else { return [] }
            state.counter += 1
            let event = BoardEvent(id: "\(boot)-\(state.counter)", name: name, data: data)
            Self.keep(event, in: &state, limit: historyLimit)
            return Self.send(event, in: &state)
        }
        // Too slow: cut off (outside the lock: ending a stream calls back); it reconnects with
        // its last id and resumes, or gets a snapshot.
        for continuation in cut { continuation.finish() }
    }

    private static let dropped = BoardEvent(id: "", name: .ping, data: "")

    /// Bytes of the events kept for resuming now.
    public var historyBytes: Int { state.withLock { $0.historyBytes } }

    /// Keeps `event` for resuming, dropping the oldest while the kept events exceed `limit` bytes (the latest stays).
    private static func keep(_ event: BoardEvent, in state: inout State, limit: Int) {
        state.history.append(event)
        state.historyBytes += event.size
        while state.historyBytes > limit, state.history.count - state.historyStart > 1 {
            state.historyBytes -= state.history[state.historyStart].size
            state.history[state.historyStart] = Self.dropped  // frees its text now
            state.historyStart += 1
        }
        // Drop the dead slots once they are half the array: amortised O(1) per event.
        if state.historyStart > 64, state.historyStart * 2 > state.history.count {
            state.history.removeFirst(state.historyStart)
            state.historyStart = 0
        }
    }

    /// Sends a keep-alive comment to every browser, so that dead connections are noticed.
    public func ping() {
        let cut = state.withLock { Self.send(BoardEvent(id: "", name: .ping, data: ""), in: &$0) }
        for continuation in cut { continuation.finish() }
    }

    /// Yields `event` to every subscriber; removes and returns those that could not take it.
    private static func send(_ event: BoardEvent, in state: inout State) -> [AsyncStream<BoardEvent>.Continuation] {
        var cut: [AsyncStream<BoardEvent>.Continuation] = []
        for (number, continuation) in state.subscribers {
            switch continuation.yield(event) {
            case .enqueued: continue
            case .dropped, .terminated: break
            @unknown default: break
            }
            cut.append(continuation)
            state.subscribers[number] = nil
        }
        return cut
    }

    /// A new follower resuming after `lastEventId` (nil: a snapshot first); nil when too many follow already.
    func subscribe(after lastEventId: String?) -> EventSubscription? {
        let (stream, continuation) = AsyncStream.makeStream(of: BoardEvent.self, bufferingPolicy: .bufferingNewest(backlog))
        let subscription: EventSubscription? = state.withLock { state in
            guard state.subscribers.count < maxSubscribers else { return nil }
            let number = state.nextSubscriber
            state.nextSubscriber += 1
            var replay: [BoardEvent] = []
            var snapshotAt: String? = "\(boot)-\(state.counter)"
            if let seen = lastEventId.flatMap(sequenceNumber), seen <= state.counter {
                let kept = state.history[state.historyStart...]
                let oldest = kept.first.flatMap { sequenceNumber($0.id) } ?? state.counter + 1
                if seen >= oldest - 1 {
                    replay = kept.filter { (sequenceNumber($0.id) ?? 0) > seen }
                    snapshotAt = nil
                }
            }
            if state.closed {
                continuation.finish()
            } else {
                state.subscribers[number] = continuation
            }
            return EventSubscription(number: number, replay: replay, snapshotAt: snapshotAt, stream: stream)
        }
        guard let subscription else { return nil }
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(subscription.number) }
        return subscription
    }

    /// Ends every stream (the server is stopping); later followers get a closed stream.
    public func finish() {
        let continuations = state.withLock { state in
            state.closed = true
            defer { state.subscribers = [:] }
            return Array(state.subscribers.values)
        }
        for continuation in continuations { continuation.finish() }
    }

    /// Forgets follower `number` (its connection ended).
    func unsubscribe(_ number: Int) {
        _ = state.withLock { $0.subscribers.removeValue(forKey: number) }
    }

    /// The counter of an id of this server start; nil for another start's or a malformed id.
    private func sequenceNumber(_ id: String) -> Int? {
        let prefix = boot + "-"
        guard id.hasPrefix(prefix) else { return nil }
        return Int(id.dropFirst(prefix.count))
    }
}
