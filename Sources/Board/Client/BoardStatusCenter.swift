import Synchronization

/// One learner's `BoardState`, kept by their pusher and followed by the guide: each follower gets
/// the state now, then every update (only the latest when it falls behind).
final class BoardStatusCenter: Sendable {
    private struct State {
        var current: BoardState = .connecting
        var followers: [Int: AsyncStream<BoardState>.Continuation] = [:]
        var next = 0
    }

    private let state = Mutex(State())

    /// Creates a center in `.connecting`.
    init() {}

    /// The state now.
    var current: BoardState { state.withLock { $0.current } }

    /// Sets the state; followers hear of it, even when it did not change (a waiter may be
    /// waiting for an acknowledgement that leaves the state as it was).
    func set(_ value: BoardState) {
        let followers = state.withLock { state -> [AsyncStream<BoardState>.Continuation] in
            state.current = value
            return Array(state.followers.values)
        }
        for follower in followers { follower.yield(value) }
    }

    /// The state now, then each change, until the follower stops iterating.
    func follow() -> AsyncStream<BoardState> {
        let (stream, continuation) = AsyncStream.makeStream(of: BoardState.self, bufferingPolicy: .bufferingNewest(1))
        let number = state.withLock { state in
            let number = state.next
            state.next += 1
            state.followers[number] = continuation
            continuation.yield(state.current)
            return number
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.followers.removeValue(forKey: number) }
        }
        return stream
    }

    /// Ends every follower's stream.
    func finish() {
        let followers = state.withLock { state in
            defer { state.followers = [:] }
            return Array(state.followers.values)
        }
        for follower in followers { follower.finish() }
    }
}
