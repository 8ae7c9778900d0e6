import Foundation
import Synchronization

/// The names and addresses a request's Host may carry (SPEC 7.1): loopback, this machine's host
/// name (and `NAME.local`), every address of its interfaces, the listen host, and the host of
/// `--public-url`. Anything else is a page of another site resolving to this machine (DNS
/// rebinding), answered 421. The addresses are read again, at most every 5 s, when a Host is
/// not known: a laptop that changed networks keeps working.
final class BoardNames: Sendable {
    private struct State {
        var addresses: Set<String>
        var readAt: ContinuousClock.Instant
    }

    private let fixed: Set<String>
    private let state: Mutex<State>

    /// The names of a board listening on `listenHost`, reached as `publicHost` too.
    init(listenHost: String, publicHost: String?) {
        var fixed: Set<String> = ["localhost", "localhost.localdomain"]
        if let name = MachineAddresses.hostName {
            fixed.insert(name)
            if !name.hasSuffix(".local") { fixed.insert(name + ".local") }
            if let short = name.split(separator: ".").first, short != Substring(name) {
                fixed.insert(String(short))
                fixed.insert(short + ".local")
            }
        }
        for host in [listenHost, publicHost].compactMap({ $0 }) where !Self.isWildcard(host) {
            fixed.insert(Self.normalized(host))
        }
        self.fixed = fixed
        state = Mutex(State(addresses: Self.readAddresses(), readAt: .now))
    }

    /// True when the host part of `authority` (`HOST`, `HOST:PORT`, `[V6]:PORT`) is one of the board's.
    func accepts(authority: String) -> Bool {
        let host = Self.normalized(Self.hostPart(of: authority))
        if fixed.contains(host) || Self.isLoopback(host) { return true }
        return state.withLock { state in
            if state.addresses.contains(host) { return true }
            guard ContinuousClock.now - state.readAt >= .seconds(5) else { return false }
            state.addresses = Self.readAddresses()
            state.readAt = .now
            return state.addresses.contains(host)
        }
    }

    /// The host of an authority, without port or brackets.
    static func hostPart(of authority: String) -> String {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            return String(authority[authority.index(after: authority.startIndex)..<close])
        }
        if authority.filter({ $0 == ":" }).count == 1, let colon = authority.firstIndex(of: ":") {
            return String(authority[..<colon])
        }
        return authority
    }

    /// Lower case, no trailing dot, no IPv6 zone.
    static func normalized(_ host: String) -> String {
        var host = host.lowercased()
        if host.hasSuffix(".") { host.removeLast() }
        if let percent = host.firstIndex(of: "%") { host = String(host[..<percent]) }
        return host
    }

    /// `0.0.0.0` and `::`: every interface.
    static func isWildcard(_ host: String) -> Bool {
        host == "0.0.0.0" || host == "::" || host == "[::]"
    }

    /// 127.0.0.0/8, ::1 and IPv4-mapped loopback.
    static func isLoopback(_ host: String) -> Bool {
        if host == "::1" || host.hasPrefix("::ffff:127.") { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    private static func readAddresses() -> Set<String> {
        Set(MachineAddresses.current().entries.map { normalized($0.address) })
    }
}
