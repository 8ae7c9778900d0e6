import ServiceLifecycle

/// The board's clock: every tick it looks for learners who became stuck by time alone, and now
/// and then pings the event streams so that dead connections are noticed. When the server
/// stops it ends the event streams (it is shut down before the HTTP server, which can then drain).
struct BoardTicker: Service {
    /// The board.
    let store: BoardStore
    /// The event streams.
    let broadcaster: EventBroadcaster
    /// How often, and how often a ping.
    let limits: BoardLimits

    /// Ticks until a graceful shutdown, then ends the event streams.
    func run() async {
        let store = store
        let broadcaster = broadcaster
        let limits = limits
        try? await cancelWhenGracefulShutdown {
            var ticks = 0
            while !Task.isCancelled {
                try await Task.sleep(for: limits.tick)
                await store.refreshStuck()
                ticks += 1
                if ticks % max(1, limits.ticksPerPing) == 0 { broadcaster.ping() }
            }
        }
        broadcaster.finish()
    }
}
