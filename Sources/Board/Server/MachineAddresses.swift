import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The addresses of this machine's network interfaces (getifaddrs), for the board's Host check
/// and for the join URL of a board listening on every interface.
public struct MachineAddresses: Sendable, Equatable {
    /// One address of one interface.
    public struct Entry: Sendable, Equatable {
        /// The interface (`lo`, `eth0`).
        public var interface: String
        /// The address as text, without brackets or zone.
        public var address: String
        /// IPv6 rather than IPv4.
        public var isIPv6: Bool
        /// A loopback interface.
        public var isLoopback: Bool
    }

    /// Every address of every interface that is up.
    public var entries: [Entry]

    /// The machine's addresses now.
    public static func current() -> MachineAddresses {
        var first: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&first) == 0, let first else { return MachineAddresses(entries: []) }
        defer { freeifaddrs(first) }
        var entries: [Entry] = []
        for pointer in sequence(first: first, next: { $0.pointee.ifa_next }) {
            let interface = pointer.pointee
            guard let address = interface.ifa_addr, interface.ifa_flags & UInt32(IFF_UP) != 0 else { continue }
            let family = Int32(address.pointee.sa_family)
            guard family == AF_INET || family == AF_INET6 else { continue }
            guard let text = Self.text(of: address, family: family) else { continue }
            entries.append(
                Entry(
                    interface: String(cString: interface.ifa_name), address: text, isIPv6: family == AF_INET6,
                    isLoopback: interface.ifa_flags & UInt32(IFF_LOOPBACK) != 0))
        }
        return MachineAddresses(entries: entries)
    }

    /// The text of an IPv4 or IPv6 socket address (inet_ntop).
    private static func text(of address: UnsafeMutablePointer<sockaddr>, family: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let done: Bool =
            if family == AF_INET {
                address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { inet in
                    var raw = inet.pointee.sin_addr
                    return inet_ntop(AF_INET, &raw, &buffer, socklen_t(buffer.count)) != nil
                }
            } else {
                address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { inet in
                    var raw = inet.pointee.sin6_addr
                    return inet_ntop(AF_INET6, &raw, &buffer, socklen_t(buffer.count)) != nil
                }
            }
        guard done else { return nil }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// True when some interface other than loopback has an address (learners could reach the board).
    public var hasOtherInterfaces: Bool {
        entries.contains { !$0.isLoopback && !($0.isIPv6 && $0.address.lowercased().hasPrefix("fe80")) }
    }

    /// The address learners most likely reach this machine at: an IPv4 address of the interface
    /// of the default route, else a private IPv4 address (10/8, 172.16/12, 192.168/16) of an
    /// interface that is not a container bridge, else any IPv4 address that is not loopback, else
    /// a unique-local or global IPv6 address; nil when there is none.
    public var privateAddress: String? {
        let outside = entries.filter { !$0.isLoopback }
        let ipv4 = outside.filter { !$0.isIPv6 }
        let physical = ipv4.filter { !Self.isVirtual($0.interface) }
        if let route = defaultRouteInterface, let address = ipv4.first(where: { $0.interface == route }) { return address.address }
        if let address = physical.first(where: { Self.isPrivateIPv4($0.address) }) { return address.address }
        if let address = physical.first ?? ipv4.first { return address.address }
        return outside.first { $0.isIPv6 && !$0.address.lowercased().hasPrefix("fe80") }?.address
    }

    /// The interface of the IPv4 default route (Linux: /proc/net/route); nil elsewhere or without one.
    public var defaultRouteInterface: String? {
        guard let table = try? String(contentsOfFile: "/proc/net/route", encoding: .utf8) else { return nil }
        for line in table.split(separator: "\n").dropFirst() {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count > 2, fields[1] == "00000000" else { continue }
            if entries.contains(where: { $0.interface == fields[0] }) { return String(fields[0]) }
        }
        return nil
    }

    /// Bridges and links of containers and virtual machines: learners do not reach the board there.
    static func isVirtual(_ interface: String) -> Bool {
        ["docker", "br-", "veth", "virbr", "cni", "flannel", "vnet", "podman", "lxc"].contains { interface.hasPrefix($0) }
    }

    /// True for an address of 10/8, 172.16/12 or 192.168/16.
    static func isPrivateIPv4(_ address: String) -> Bool {
        let parts = address.split(separator: ".").compactMap { Int($0) }
        guard parts.count == 4 else { return false }
        return parts[0] == 10 || (parts[0] == 172 && (16...31).contains(parts[1])) || (parts[0] == 192 && parts[1] == 168)
    }

    /// This machine's host name (`gethostname`), lower-cased; nil when it has none.
    public static var hostName: String? {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return nil }
        let name = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }.lowercased()
        return name.isEmpty ? nil : name
    }
}
