import Synchronization

/// Slows wrong-code joins per client address (SPEC 7.1): `free` wrong joins a minute go
/// unhindered; the next one is answered 429 and the address waits 1 s, each further wrong one
/// twice as long, up to 30 s, during which every join of that address is answered 429 without
/// the code being looked at. A minute without a wrong join forgets the address. At 40 bits of
/// class code, that leaves a guesser about two tries a minute per address.
public final class JoinThrottle: Sendable {
    /// What a join from an address may do now.
    public enum Verdict: Sendable, Equatable {
        /// Look at the code.
        case allowed
        /// Answer 429 with `Retry-After: seconds`.
        case wait(seconds: Int)
    }

    private struct Entry {
        var wrong: [ContinuousClock.Instant] = []
        var penalty: Duration = .zero
        var blockedUntil: ContinuousClock.Instant?
        var lastSeen: ContinuousClock.Instant
    }

    private let free: Int
    private let window: Duration
    private let first: Duration
    private let longest: Duration
    private let capacity: Int
    private let entries = Mutex<[String: Entry]>([:])

    /// A throttle letting `free` wrong joins a `window` through, then waiting from `first` up to
    /// `longest`; it remembers at most `capacity` addresses (the oldest are forgotten first).
    public init(
        free: Int = 10, window: Duration = .seconds(60), first: Duration = .seconds(1), longest: Duration = .seconds(30),
        capacity: Int = 4_096
    ) {
        self.free = free
        self.window = window
        self.first = first
        self.longest = longest
        self.capacity = capacity
    }

    /// Whether a join from `address` may be looked at now.
    public func admit(_ address: String?, now: ContinuousClock.Instant = .now) -> Verdict {
        entries.withLock { entries in
            guard let until = entries[address ?? "?"]?.blockedUntil, until > now else { return .allowed }
            return .wait(seconds: Self.seconds(until - now))
        }
    }

    /// Takes a wrong code from `address` into account: `.wait` when it was one too many.
    public func wrongCode(from address: String?, now: ContinuousClock.Instant = .now) -> Verdict {
        let key = address ?? "?"
        return entries.withLock { entries in
            var entry = entries[key] ?? Entry(lastSeen: now)
            entry.wrong.removeAll { now - $0 >= window }
            if entry.wrong.isEmpty { entry.penalty = .zero }
            entry.wrong.append(now)
            entry.lastSeen = now
            var verdict = Verdict.allowed
            if entry.wrong.count > free {
                entry.penalty = entry.penalty == .zero ? first : min(entry.penalty * 2, longest)
                entry.blockedUntil = now + entry.penalty
                verdict = .wait(seconds: Self.seconds(entry.penalty))
                // Only the latest `free + 1` matter for the count.
                if entry.wrong.count > free + 1 { entry.wrong.removeFirst(entry.wrong.count - free - 1) }
            }
            if entries[key] == nil, entries.count >= capacity { forgetOldest(in: &entries, now: now) }
            entries[key] = entry
            return verdict
        }
    }

    /// Addresses remembered now.
    public var count: Int { entries.withLock { $0.count } }

    /// Makes room for one more address: forgets those quiet for a window, else the one seen longest ago.
    private func forgetOldest(in entries: inout [String: Entry], now: ContinuousClock.Instant) {
        entries = entries.filter { now - $0.value.lastSeen < window || ($0.value.blockedUntil.map { $0 > now } ?? false) }
        guard entries.count >= capacity, let oldest = entries.min(by: { $0.value.lastSeen < $1.value.lastSeen })?.key else { return }
        entries[oldest] = nil
    }

    /// Whole seconds, rounded up, at least 1.
    private static func seconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) + (attoseconds > 0 ? 1 : 0))
    }
}
