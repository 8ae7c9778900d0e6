import Foundation
import Text
import Workflow

/// Where the docker CLI would send its requests for a learner, and whether runbook may speak the
/// Engine API there itself (SPEC 12.1): a unix socket or plain `tcp://` yes; `ssh://`, TLS and
/// anything the CLI alone understands (npipe, fd) stay with the CLI.
///
/// The order is the CLI's own: `DOCKER_HOST`, else `DOCKER_CONTEXT`, else the current context of
/// the config (`$DOCKER_CONFIG/config.json`, default `~/.docker`), else the default socket. A
/// context is read from `contexts/meta/<sha256 of its name>/meta.json`; one with TLS material
/// (`contexts/tls/<sha256>/docker/`) is TLS.
public struct EngineEndpoint: Sendable, Hashable {
    /// How to reach the engine.
    public enum Transport: Sendable, Hashable {
        /// A unix socket at this path.
        case unix(path: String)
        /// Plain HTTP to this host and port.
        case tcp(host: String, port: Int)
        /// Only the CLI: `ssh://`, TLS, a context runbook cannot read, or `--engine-cli`.
        case cli(reason: String)
    }

    /// The environment variable that forces the CLI (`--engine-cli` sets it).
    public static let forceCLIVariable = "RUNBOOK_ENGINE_CLI"
    /// The socket of a local engine when nothing names another.
    public static let defaultSocket = "/var/run/docker.sock"

    /// How to reach it.
    public var transport: Transport
    /// The endpoint as the CLI names it in messages: `unix:///var/run/docker.sock`, `tcp://10.0.0.5:2375`.
    public var text: String
    /// `DOCKER_API_VERSION`: the API version the CLI would use without negotiating.
    public var pinnedVersion: String?
    /// The PATH on which the docker CLI is found (its version decides the API version spoken).
    public var searchPath: String?

    /// Creates an endpoint.
    public init(transport: Transport, text: String, pinnedVersion: String? = nil, searchPath: String? = nil) {
        self.transport = transport
        self.text = text
        self.pinnedVersion = pinnedVersion
        self.searchPath = searchPath
    }

    /// Whether runbook speaks the Engine API itself here.
    public var usesAPI: Bool {
        if case .cli = transport { return false }
        return true
    }

    /// The scheme of the endpoint (`unix`, `tcp`, `ssh`, …), for validation.
    public var scheme: String {
        text.range(of: "://").map { String(text[..<$0.lowerBound]).lowercased() } ?? ""
    }

    /// The endpoint the CLI would use with `environment`.
    public static func resolve(_ environment: [String: String]) -> EngineEndpoint {
        let forced = environment[forceCLIVariable].map { !$0.isEmpty && $0 != "0" } ?? false
        var endpoint = unforced(environment)
        if forced { endpoint.transport = .cli(reason: "--engine-cli") }
        endpoint.pinnedVersion = environment["DOCKER_API_VERSION"].flatMap { $0.isEmpty ? nil : $0 }
        endpoint.searchPath = environment["PATH"]
        return endpoint
    }

    /// The endpoint for the API, or nil when the CLI must be used.
    public static func api(_ environment: [String: String]) -> EngineEndpoint? {
        let endpoint = resolve(environment)
        return endpoint.usesAPI ? endpoint : nil
    }

    private static func unforced(_ environment: [String: String]) -> EngineEndpoint {
        if let host = environment["DOCKER_HOST"], !host.isEmpty {
            let tls = !(environment["DOCKER_TLS_VERIFY"] ?? "").isEmpty || !(environment["DOCKER_TLS"] ?? "").isEmpty
            return parse(host, tls: tls)
        }
        let config = configFolder(environment)
        let named = environment["DOCKER_CONTEXT"].flatMap { $0.isEmpty ? nil : $0 } ?? currentContext(config: config)
        guard let context = named, context != "default" else {
            return EngineEndpoint(transport: .unix(path: defaultSocket), text: "unix://" + defaultSocket)
        }
        return contextEndpoint(context, config: config)
    }

    /// `unix:///path`, `tcp://host:port`, `http://host:port`; anything else is the CLI's.
    static func parse(_ host: String, tls: Bool) -> EngineEndpoint {
        let lowered = host.lowercased()
        if lowered.hasPrefix("unix://") {
            let path = String(host.dropFirst("unix://".count))
            return EngineEndpoint(transport: path.isEmpty ? .cli(reason: "no socket path") : .unix(path: path), text: host)
        }
        let isPlain = lowered.hasPrefix("tcp://") || lowered.hasPrefix("http://")
        guard isPlain, !tls else {
            return EngineEndpoint(transport: .cli(reason: tls ? "TLS" : "\(host) is not a unix socket or tcp://"), text: host)
        }
        guard let url = URL(string: host), let name = url.host, !name.isEmpty else {
            return EngineEndpoint(transport: .cli(reason: "cannot read \(host)"), text: host)
        }
        // The CLI's default port for tcp:// without TLS is 2375.
        return EngineEndpoint(transport: .tcp(host: name, port: url.port ?? 2375), text: host)
    }

    /// The config folder: `DOCKER_CONFIG`, else `~/.docker`.
    static func configFolder(_ environment: [String: String]) -> String {
        if let folder = environment["DOCKER_CONFIG"], !folder.isEmpty { return folder }
        return (environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.docker"
    }

    /// `currentContext` of `config.json`, if set.
    static func currentContext(config: String) -> String? {
        guard let data = FileManager.default.contents(atPath: config + "/config.json"),
            let document = try? JSONParser.parse([UInt8](data)),
            case .found(.string(let name)) = try? JSONPath(parsing: ".currentContext").lookup(in: document), !name.isEmpty
        else { return nil }
        return name
    }

    /// The docker endpoint of context `name`: its `Host`, TLS when the context holds TLS material.
    static func contextEndpoint(_ name: String, config: String) -> EngineEndpoint {
        let digest = SHA256.hex(of: Array(name.utf8))
        let meta = "\(config)/contexts/meta/\(digest)/meta.json"
        guard let data = FileManager.default.contents(atPath: meta), let document = try? JSONParser.parse([UInt8](data)),
            case .found(.string(let host)) = try? JSONPath(parsing: ".Endpoints.docker.Host").lookup(in: document)
        else { return EngineEndpoint(transport: .cli(reason: "context \(name) is not readable here"), text: "context \(name)") }
        let tls = FileManager.default.fileExists(atPath: "\(config)/contexts/tls/\(digest)/docker")
        return parse(host, tls: tls)
    }
}
