import Text
import Workflow

/// What runbook reads from `docker info` (the CLI's `--format '{{json .}}'` or the API's
/// `GET /info`: the same document, the CLI's adding `ClientInfo`), through the project's own JSON
/// parser and paths.
struct EngineInfo: Sendable {
    /// The whole document.
    let document: JSONValue

    /// Reads `bytes`; a document that is not JSON is an error with its position, worded for `source`.
    init(parsing bytes: [UInt8], source: String) throws(EngineFailure) {
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw EngineFailure(.malformed, "the engine's answer to `\(source)` is not JSON: \(error)")
        }
    }

    /// Wraps a parsed document.
    init(_ document: JSONValue) {
        self.document = document
    }

    /// The value at `path`, if there is one.
    func value(_ path: String) -> JSONValue? {
        guard case .found(let value)? = EngineClient.lookup(path, in: document) else { return nil }
        return value
    }

    /// The string at `path`, if it is one.
    func string(_ path: String) -> String? {
        if case .string(let text)? = value(path) { return text }
        return nil
    }

    /// The engine's version; nil when the engine did not answer (the CLI still prints its own part).
    var serverVersion: String? { string(".ServerVersion").flatMap { $0.isEmpty ? nil : $0 } }

    /// The CLI's own version, where the CLI says it in `docker info` (23.0 and later).
    var clientVersion: String? { string(".ClientInfo.Version") }

    /// The names of the engine's runtimes, sorted.
    var runtimes: [String] {
        guard case .object(let members)? = value(".Runtimes") else { return [] }
        return members.map(\.key).sorted()
    }

    /// How many containers are stopped, nil when not said.
    var containersStopped: Int? {
        if case .number(let text)? = value(".ContainersStopped") { return Int(text) }
        return nil
    }

    /// Whether the engine discovered CDI devices of NVIDIA GPUs (`DiscoveredDevices`, Docker 28.3+).
    var cdiGPUs: Bool {
        guard case .array(let devices)? = value(".DiscoveredDevices") else { return false }
        return devices.contains { device in
            let info = EngineInfo(device)
            return info.string(".Source") == "cdi" && (info.string(".ID") ?? "").hasPrefix("nvidia.com/gpu")
        }
    }

    /// The fingerprint's engine part; `client` is `docker --version`'s when `docker info` does not say it.
    func fingerprint(client: String?) -> DockerFingerprint {
        DockerFingerprint(
            clientVersion: clientVersion ?? client, serverVersion: serverVersion, operatingSystem: string(".OperatingSystem"),
            osType: string(".OSType"), architecture: string(".Architecture"), storageDriver: string(".Driver"), runtimes: runtimes)
    }
}
