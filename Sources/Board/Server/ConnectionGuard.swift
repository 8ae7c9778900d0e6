import Synchronization

/// Counts, per client address, the open connections that have not presented a valid token yet
/// (SPEC 7.1): at most `limit` each, so that one machine holding connections half-open cannot
/// use up the board's file descriptors. A connection that presents a valid token no longer
/// counts: a whole class behind one NAT address still gets in. Connections from a trusted
/// proxy are not counted (the proxy holds its clients' half-open connections itself).
public final class ConnectionGuard: Sendable {
    private let limit: Int
    private let trusted: [AddressRange]
    private let counts = Mutex<[String: Int]>([:])

    /// A guard allowing `limit` connections without a valid token per address.
    public init(limit: Int, trusted: [AddressRange] = []) {
        self.limit = limit
        self.trusted = trusted
    }

    /// Takes a new connection from `address`; false when that address has `limit` already (close it).
    /// A connection of an unknown address, or of a trusted proxy, is not counted (and allowed).
    func open(_ address: String?) -> Bool {
        guard let address = counted(address) else { return true }
        return counts.withLock { counts in
            let current = counts[address, default: 0]
            guard current < limit else { return false }
            counts[address] = current + 1
            return true
        }
    }

    /// A connection of `address` that `open` counted presented a valid token, or closed.
    func release(_ address: String?) {
        guard let address = counted(address) else { return }
        counts.withLock { counts in
            let current = counts[address, default: 0]
            counts[address] = current > 1 ? current - 1 : nil
        }
    }

    /// Connections of `address` counted now.
    public func count(_ address: String) -> Int {
        counts.withLock { $0[address, default: 0] }
    }

    /// The address a connection counts under; nil when it does not count.
    private func counted(_ address: String?) -> String? {
        guard let address, !trusted.contains(where: { $0.contains(address) }) else { return nil }
        return address
    }
}
