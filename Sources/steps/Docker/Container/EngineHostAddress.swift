import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `${engine_host}` for a local engine seen from inside a container (SPEC 10.2): the engine host is
/// `host.docker.internal` when that name resolves (Docker Desktop, or `--add-host
/// host.docker.internal:host-gateway`), else `127.0.0.1` when the container shares the engine
/// host's network (`--network host`: the engine's bridge `docker0` is among its interfaces), else
/// the container's default gateway (the bridge's address on the host, where published ports answer too).
public enum EngineHostAddress {
    /// The name Docker Desktop gives the host.
    public static let desktopName = "host.docker.internal"

    /// The address, decided once.
    public static let current: String = resolve()

    /// The engine host's name or address, from this container; `127.0.0.1` when nothing better is known.
    static func resolve(routes: String? = try? String(contentsOfFile: "/proc/net/route", encoding: .utf8)) -> String {
        if resolves(desktopName) { return desktopName }
        if FileManager.default.fileExists(atPath: "/sys/class/net/docker0") { return "127.0.0.1" }
        return routes.flatMap(defaultGateway(in:)) ?? "127.0.0.1"
    }

    /// Whether `name` has an address.
    static func resolves(_ name: String) -> Bool {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(name, nil, &hints, &result)
        if let result { freeaddrinfo(result) }
        return status == 0
    }

    /// The default route's gateway in a `/proc/net/route` table (hex, little-endian), dotted.
    static func defaultGateway(in table: String) -> String? {
        for line in table.split(separator: "\n").dropFirst() {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count > 2, fields[1] == "00000000", let value = UInt32(fields[2], radix: 16), value != 0 else { continue }
            let bytes = [value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, value >> 24]
            return bytes.map(String.init).joined(separator: ".")
        }
        return nil
    }
}
