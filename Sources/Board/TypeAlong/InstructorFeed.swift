import ServiceLifecycle

/// The instructor's stream of commands on the board (type-along): the latest entries, bounded in
/// number, and long polls that wake up as soon as the next command arrives. A service of the
/// board: its graceful shutdown answers the waiting polls at once, so that the HTTP server drains.
public actor InstructorFeed: Service {
    /// How many entries are kept (the oldest go first).
    public static let capacity = 200

    private var entries: [InstructorEntry] = []
    private var nextSeq = 1
    private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiter = 0
    private var closed = false

    /// An empty feed.
    public init() {}

    /// Appends a command; wakes every waiting poll; returns the entry as kept.
    @discardableResult
    public func append(command: String, exitStatus: Int32?, output: [String]) -> InstructorEntry {
        let entry = InstructorEntry(seq: nextSeq, command: command, exitStatus: exitStatus, output: output)
        nextSeq += 1
        entries.append(entry)
        if entries.count > Self.capacity { entries.removeFirst(entries.count - Self.capacity) }
        let woken = waiters
        waiters = [:]
        for waiter in woken.values { waiter.resume() }
        return entry
    }

    /// The entries after `seq`, the latest `limit` of them; when there are none yet, waits up to
    /// `wait` for the next one.
    public func entries(after seq: Int, limit: Int = 20, wait: Duration) async -> [InstructorEntry] {
        if let found = newer(than: seq, limit: limit) { return found }
        guard wait > .zero, !closed else { return [] }
        let id = nextWaiter
        nextWaiter += 1
        let timer = Task { [weak self] in
            try? await Task.sleep(for: wait)
            await self?.wake(id)
        }
        await withCheckedContinuation { continuation in waiters[id] = continuation }
        timer.cancel()
        return newer(than: seq, limit: limit) ?? []
    }

    /// Waits for the board's graceful shutdown, then answers every poll.
    public func run() async {
        try? await gracefulShutdown()
        closed = true
        let woken = waiters
        waiters = [:]
        for waiter in woken.values { waiter.resume() }
    }

    /// The highest seq so far (0: none).
    public var latest: Int { nextSeq - 1 }

    private func newer(than seq: Int, limit: Int) -> [InstructorEntry]? {
        let found = entries.filter { $0.seq > seq }
        return found.isEmpty ? nil : Array(found.suffix(limit))
    }

    private func wake(_ id: Int) {
        waiters.removeValue(forKey: id)?.resume()
    }
}
