import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An address range in CIDR notation (`10.0.0.0/8`, `192.168.1.7`, `fd00::/8`), for `--trust-proxy`.
public struct AddressRange: Sendable, Equatable, CustomStringConvertible {
    /// The network's bytes (4 or 16).
    let network: [UInt8]
    /// The prefix length in bits.
    let prefix: Int
    /// The range as given.
    public let description: String

    /// Why a range is not one.
    public struct Invalid: Error, CustomStringConvertible, Sendable {
        /// What is wrong.
        public var description: String
    }

    /// Parses `text`: an address, optionally `/PREFIX`.
    public init(_ text: String) throws(Invalid) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let bytes = Self.bytes(of: String(parts[0])) else {
            throw Invalid(description: "--trust-proxy \(text): expected an address or a range, e.g. 10.0.0.0/8 or 127.0.0.1")
        }
        let bits = bytes.count * 8
        let prefix = parts.count == 2 ? Int(parts[1]) : bits
        guard let prefix, (0...bits).contains(prefix) else {
            throw Invalid(description: "--trust-proxy \(text): the prefix length is 0 to \(bits)")
        }
        network = bytes
        self.prefix = prefix
        description = text
    }

    /// True when `address` (text) lies in the range.
    public func contains(_ address: String) -> Bool {
        guard var bytes = Self.bytes(of: address) else { return false }
        // An IPv4 client seen through an IPv6 socket (::ffff:a.b.c.d) is that IPv4 address.
        if network.count == 4, bytes.count == 16, bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
            bytes = Array(bytes[12...])
        }
        guard bytes.count == network.count else { return false }
        var remaining = prefix
        for index in network.indices where remaining > 0 {
            let take = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - take))
            if bytes[index] & mask != network[index] & mask { return false }
            remaining -= take
        }
        return true
    }

    /// The 4 or 16 bytes of an IPv4 or IPv6 address; nil for anything else.
    static func bytes(of text: String) -> [UInt8]? {
        var host = text
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if let percent = host.firstIndex(of: "%") { host = String(host[..<percent]) }
        var ipv4 = in_addr()
        if inet_pton(AF_INET, host, &ipv4) == 1 { return withUnsafeBytes(of: &ipv4) { Array($0) } }
        var ipv6 = in6_addr()
        if inet_pton(AF_INET6, host, &ipv6) == 1 { return withUnsafeBytes(of: &ipv6) { Array($0) } }
        return nil
    }
}
