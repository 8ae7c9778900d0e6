import Foundation

/// What `runbook serve` prints (SPEC 7.1): the origin of its two URLs, and the notes on stderr
/// that say who can reach the board. The listen host is used as given, except `0.0.0.0` and `::`
/// (every interface), which become a private address of the machine; `--public-url` wins.
public struct BoardAnnouncement: Sendable {
    /// The address listened on.
    public var listen: ListenAddress
    /// Whether `--listen` was given (else the default 127.0.0.1:8080).
    public var listenGiven: Bool
    /// The port bound (the real one for port 0).
    public var port: Int
    /// `--public-url`, without a trailing slash.
    public var publicURL: String?
    /// HTTPS.
    public var secure: Bool
    /// The machine's addresses.
    public var addresses: MachineAddresses

    /// Creates an announcement.
    public init(listen: ListenAddress, listenGiven: Bool, port: Int, publicURL: String?, secure: Bool, addresses: MachineAddresses) {
        self.listen = listen
        self.listenGiven = listenGiven
        self.port = port
        self.publicURL = publicURL
        self.secure = secure
        self.addresses = addresses
    }

    /// True for `0.0.0.0` and `::`.
    public var listensEverywhere: Bool { BoardNames.isWildcard(listen.host) }

    /// `SCHEME://HOST:PORT` of the printed URLs.
    public var origin: String {
        if let publicURL { return publicURL }
        let scheme = secure ? "https" : "http"
        guard listensEverywhere else { return "\(scheme)://\(listen.urlHost):\(port)" }
        let host = addresses.privateAddress ?? MachineAddresses.hostName ?? "127.0.0.1"
        return "\(scheme)://\(ListenAddress.urlHost(host)):\(port)"
    }

    /// The lines for stderr: who can reach the board, and which flag changes it.
    public var notes: [String] {
        var notes: [String] = []
        if publicURL == nil, !listenGiven, addresses.hasOtherInterfaces {
            notes.append(
                "runbook: the board listens on \(listen.urlHost):\(port) only: learners on other machines cannot reach it; "
                    + "--listen 0.0.0.0:\(port) exposes it to the network")
        }
        if listensEverywhere {
            let reached = publicURL ?? origin
            let shown = listen.host == "::" ? "[::]" : listen.host
            if publicURL == nil && addresses.privateAddress == nil {
                notes.append(
                    "runbook: listening on \(shown):\(port), but this machine has no network address: learners cannot reach it yet")
            } else {
                notes.append("runbook: listening on \(shown):\(port) (every interface); learners reach it at \(reached)")
            }
        }
        return notes
    }

    /// `--public-url` checked: `http(s)://HOST[:PORT]`, no path, query or fragment; returned without a trailing slash.
    public static func publicURL(_ text: String) throws(ListenAddress.Invalid) -> String {
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty, components.path.isEmpty,
            components.query == nil, components.fragment == nil, components.user == nil
        else {
            throw ListenAddress.Invalid(description: "--public-url \(text): expected http(s)://HOST[:PORT], e.g. http://192.168.1.20:8080")
        }
        return trimmed
    }

    /// True inside a container (`RUNBOOK_IN_CONTAINER=1`, `/.dockerenv`, or a container's cgroup), where
    /// the machine's own addresses are the container's, not the host's; `RUNBOOK_IN_CONTAINER=0` says it is not.
    public static var inContainer: Bool {
        switch ProcessInfo.processInfo.environment["RUNBOOK_IN_CONTAINER"] {
        case "1": return true
        case "0": return false
        default: break
        }
        if FileManager.default.fileExists(atPath: "/.dockerenv") { return true }
        let cgroup = (try? String(contentsOfFile: "/proc/1/cgroup", encoding: .utf8)) ?? ""
        return ["docker", "kubepods", "containerd", "libpod"].contains { cgroup.contains($0) }
    }
}
