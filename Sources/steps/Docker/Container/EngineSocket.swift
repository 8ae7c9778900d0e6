import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The engine a runner inside a container would use, and why it cannot (SPEC 10.2): no
/// `DOCKER_HOST`, no context and no socket is one line naming the `-v` flag to add.
public enum EngineSocket {
    /// The default socket of a local engine.
    public static let defaultPath = "/var/run/docker.sock"

    /// The flag a learner adds to `docker run` to give runbook the host's engine.
    public static let mountFlag = "-v /var/run/docker.sock:/var/run/docker.sock"

    /// The unix socket the CLI will use: `DOCKER_HOST=unix://…`, else the default one when no
    /// other endpoint is named; nil for a TCP or SSH engine or a context.
    public static func path(environment: [String: String]) -> String? {
        if let host = environment["DOCKER_HOST"], !host.isEmpty {
            return host.hasPrefix("unix://") ? String(host.dropFirst("unix://".count)) : nil
        }
        if let context = environment["DOCKER_CONTEXT"], !context.isEmpty, context != "default" { return nil }
        return defaultPath
    }

    /// Why the engine cannot be reached from inside this container, in one line; nil when a socket
    /// answers to connect, or when the engine is named otherwise (TCP, SSH, a context: the
    /// preflight says how those fail).
    public static func problem(environment: [String: String]) -> String? {
        guard let path = path(environment: environment) else { return nil }
        var info = stat()
        guard stat(path, &info) == 0 else {
            return "no Docker engine here: add \(mountFlag) to `docker run` "
                + "(an engine that listens on TCP only: -e DOCKER_HOST=tcp://host.docker.internal:2375)"
        }
        switch connectable(path) {
        case 0:
            return nil
        case EACCES, EPERM:
            return "\(path) is mounted but uid \(getuid()) may not use it (owner \(info.st_uid), group \(info.st_gid), "
                + "mode \(String(info.st_mode & 0o777, radix: 8))): add --group-add \(info.st_gid) to `docker run`"
        case let code:
            return "\(path) is mounted but no engine answers there (\(String(cString: strerror(code)))): "
                + "is Docker running on this machine?"
        }
    }

    /// 0 when a unix socket at `path` accepts a connection, else the errno of the failure.
    static func connectable(_ path: String) -> Int32 {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return errno }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return ENAMETOOLONG }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
        }
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        return result == 0 ? 0 : errno
    }
}
