#if canImport(Glibc)
    import Glibc
#endif

/// Gives each learner of a run its own TCP ports for `${port.NAME}` (SPEC 6.7): free ports of this
/// machine for a local engine, ports of the roster's `ports:` range for a remote one, and never
/// the same port twice in a run.
struct PortAllocator {
    /// Ports already given in this run.
    private(set) var used: Set<Int> = []
    /// The ports in use on the engine's host when this machine's own are not the engine host's
    /// (a runner inside a container, SPEC 10.2): ports are then picked outside this set, not by binding.
    var engineHostInUse: Set<Int>?

    /// The ports of `names` for `learner`, keeping `reserved` ones (a guide's earlier choice).
    mutating func allocate(
        _ names: [String], for learner: Learner, remote: Bool, reserved: [String: Int] = [:]
    ) throws(VariableError) -> [String: Int] {
        var ports: [String: Int] = [:]
        for name in names {
            if let kept = reserved[name], !used.contains(kept), learner.ports.map({ $0.contains(kept) }) ?? !remote {
                ports[name] = kept
                used.insert(kept)
                continue
            }
            let port: Int?
            if let range = learner.ports {
                port = range.first { !used.contains($0) }
            } else if remote {
                throw VariableError(
                    "learner \(learner.id) uses a remote engine, so ${port.\(name)} needs a port range of that engine in the roster, "
                        + "e.g. `ports: 20000-20099`", at: learner.location)
            } else if let inUse = engineHostInUse {
                port = Self.freePort(avoiding: used.union(inUse))
            } else {
                port = Self.freeLocalPort(avoiding: used)
            }
            guard let port else {
                throw VariableError("learner \(learner.id): no free port left for ${port.\(name)} in its ports range", at: learner.location)
            }
            ports[name] = port
            used.insert(port)
        }
        return ports
    }

    /// A port of 20000–32767 not in `taken`: below Linux's ephemeral range, so that no outgoing
    /// connection of the engine host holds it by chance.
    static func freePort(avoiding taken: Set<Int>) -> Int? {
        let range = 20000...32767
        let start = Int.random(in: range)
        for offset in 0..<range.count {
            let port = range.lowerBound + (start - range.lowerBound + offset) % range.count
            if !taken.contains(port) { return port }
        }
        return nil
    }

    /// A TCP port nothing listens on now, chosen by the kernel (bind to port 0), not in `used`.
    static func freeLocalPort(avoiding used: Set<Int>) -> Int? {
        for _ in 0..<64 {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard descriptor >= 0 else { return nil }
            defer { close(descriptor) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = 0
            address.sin_addr = in_addr(s_addr: 0)
            let bound = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard bound == 0 else { continue }
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let named = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
            }
            guard named == 0 else { continue }
            let port = Int(UInt16(bigEndian: address.sin_port))
            if !used.contains(port) { return port }
        }
        return nil
    }
}
