import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization
import Text
import Workflow

/// Speaks the Docker Engine API (SPEC 12.1) over a unix socket or plain TCP with the process's one
/// HTTP client: about a millisecond a question where the docker CLI costs a process start. It asks
/// at the API version the learner's CLI would negotiate (`EngineAPIVersion`), once per endpoint and
/// process, and words every fault as the CLI does (`EngineFailure`).
///
/// The object calls (`inspect`, `listContainers`, `removeContainer`, the networks', `ping`, `info`) are what the
/// kinds and the backend use; `send` is there for the rest.
public final class EngineClient: Sendable {
    /// One client for the process: connections to an engine are kept and reused.
    public static let shared = EngineClient()

    /// The most bytes of an answer read whole (inspect, info, lists).
    static let answerLimit = 64 << 20
    /// Limit for each call that is not streamed.
    let timeout: TimeAmount
    private let http: HTTPClient
    private let versions = SharedTasks<String, String, EngineFailure>()

    /// Creates a client whose calls get `timeout` each.
    public init(timeout: Duration = .seconds(30)) {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .disabled
        configuration.connectionPool.retryConnectionEstablishment = false
        http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        self.timeout = .nanoseconds(Int64(timeout.seconds * 1e9))
    }

    /// An answer read whole.
    public struct Answer: Sendable {
        /// The status code.
        public var status: Int
        /// The headers.
        public var headers: HTTPHeaders
        /// The body.
        public var body: [UInt8]
    }

    // MARK: Requests

    /// Sends `method path?query` at the negotiated version (`versioned`) and returns the response
    /// with its body still to read; an error status is the caller's to judge.
    public func send(
        _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], at endpoint: EngineEndpoint, versioned: Bool = true,
        body: HTTPClientRequest.Body? = nil, contentType: String? = nil, timeout: TimeAmount? = nil
    ) async throws(EngineFailure) -> HTTPClientResponse {
        let prefix = versioned ? "/v" + (try await version(at: endpoint)) : ""
        var request = HTTPClientRequest(url: try url(endpoint, prefix + path + Self.encode(query)))
        request.method = method
        request.headers.add(name: "User-Agent", value: "runbook")
        // The engine refuses a request without a Host; over a socket there is none, so the docker CLI's stand-in is sent.
        if case .unix = endpoint.transport { request.headers.add(name: "Host", value: "api.moby.localhost") }
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        if let body { request.body = body }
        do {
            return try await http.execute(request, timeout: timeout ?? self.timeout)
        } catch {
            throw Self.failure(error, at: endpoint)
        }
    }

    /// `send`, with the body read whole (bounded); error statuses become `EngineFailure.daemon`.
    public func call(
        _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], at endpoint: EngineEndpoint, versioned: Bool = true
    ) async throws(EngineFailure) -> Answer {
        let response = try await send(method, path, query: query, at: endpoint, versioned: versioned)
        let body = try await Self.read(response, at: endpoint)
        let status = Int(response.status.code)
        guard (200..<300).contains(status) else { throw Self.daemonFailure(status: status, body: body) }
        return Answer(status: status, headers: response.headers, body: body)
    }

    /// `GET path` whose answer is one JSON document, parsed; `what` names the call in messages ("docker info").
    public func json(_ path: String, query: [(String, String)] = [], at endpoint: EngineEndpoint, what: String) async throws(EngineFailure)
        -> JSONValue
    {
        let answer = try await call(.GET, path, query: query, at: endpoint)
        do {
            return try JSONParser.parse(answer.body)
        } catch {
            throw EngineFailure(.malformed, "the engine's answer to `\(what)` is not JSON: \(error)")
        }
    }

    // MARK: Objects

    /// The raw JSON of `docker <object> inspect NAME` (the object itself), nil when the engine has no such object.
    public func inspect(_ object: String, _ name: String, at endpoint: EngineEndpoint) async throws(EngineFailure) -> [UInt8]? {
        let encoded = Self.pathComponent(name)
        let path =
            switch object {
            case "container": "/containers/\(encoded)/json"
            case "image": "/images/\(encoded)/json"
            case "volume": "/volumes/\(encoded)"
            default: "/networks/\(encoded)"
            }
        do throws(EngineFailure) {
            let answer = try await call(.GET, path, at: endpoint)
            do {
                _ = try JSONParser.parse(answer.body)
            } catch {
                throw EngineFailure(.malformed, "the engine's answer to `docker \(object) inspect \(name)` is not JSON: \(error)")
            }
            return answer.body
        } catch  where error.status == 404 && DockerNotFound.says(error.message, object: object) {
            return nil
        }
    }

    /// The containers that match every `filters` entry (`docker ps -a --filter KEY=VALUE…`): their ids and
    /// creation times (whole seconds, as the engine keeps them).
    public func listContainers(filters: [String], at endpoint: EngineEndpoint) async throws(EngineFailure) -> [(id: String, created: Date?)]
    {
        let list = try await json(
            "/containers/json", query: [("all", "1"), ("filters", Self.filterDocument(filters))], at: endpoint, what: "docker ps")
        guard case .array(let items) = list else { return [] }
        return items.compactMap { item in
            guard case .found(.string(let id)) = Self.lookup(".Id", in: item) else { return nil }
            guard case .found(.number(let seconds)) = Self.lookup(".Created", in: item), let value = Double(seconds) else {
                return (id, nil)
            }
            return (id, Date(timeIntervalSince1970: value))
        }
    }

    /// The ids of the networks that match every `filters` entry (`docker network ls -q --filter …`).
    public func listNetworks(filters: [String], at endpoint: EngineEndpoint) async throws(EngineFailure) -> [String] {
        let list = try await json("/networks", query: [("filters", Self.filterDocument(filters))], at: endpoint, what: "docker network ls")
        guard case .found(.array(let ids)) = Self.lookup(".[].Id", in: list) else { return [] }
        return ids.compactMap { if case .string(let id) = $0 { id } else { nil } }
    }

    /// Removes a container (`docker rm -f [-v] ID`); a container already gone is not an error.
    public func removeContainer(_ id: String, volumes: Bool, at endpoint: EngineEndpoint) async throws(EngineFailure) {
        do throws(EngineFailure) {
            _ = try await call(
                .DELETE, "/containers/\(Self.pathComponent(id))", query: [("force", "1")] + (volumes ? [("v", "1")] : []), at: endpoint)
        } catch  where error.status == 404 {
            return
        }
    }

    /// Removes a network (`docker network rm ID`); one already gone is not an error.
    public func removeNetwork(_ id: String, at endpoint: EngineEndpoint) async throws(EngineFailure) {
        do throws(EngineFailure) {
            _ = try await call(.DELETE, "/networks/\(Self.pathComponent(id))", at: endpoint)
        } catch  where error.status == 404 {
            return
        }
    }

    /// The API's `filters` query value for the CLI's `KEY=VALUE` filters: `{"KEY": ["VALUE", …]}`.
    static func filterDocument(_ filters: [String]) -> String {
        var members: [String: [JSONValue]] = [:]
        var order: [String] = []
        for filter in filters {
            let parts = filter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let key = String(parts[0])
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(.string(String(parts[1])))
        }
        return JSONValue.object(JSONObject(order.map { .init(key: $0, value: .array(members[$0] ?? [])) })).text
    }

    /// Nil when the engine answers `/_ping`, else the CLI's words for why not.
    public func ping(at endpoint: EngineEndpoint) async -> EngineFailure? {
        do {
            _ = try await call(.GET, "/_ping", at: endpoint, versioned: false)
            return nil
        } catch {
            return error
        }
    }

    /// `docker info` as the engine answers `GET /info`.
    public func info(at endpoint: EngineEndpoint) async throws(EngineFailure) -> JSONValue {
        try await json("/info", at: endpoint, what: "docker info")
    }

    // MARK: Version

    /// The API version spoken at `endpoint`: `DOCKER_API_VERSION` when set, else the lower of the
    /// CLI's and the engine's (asked once; asked again after a failure).
    public func version(at endpoint: EngineEndpoint) async throws(EngineFailure) -> String {
        if let pinned = endpoint.pinnedVersion { return pinned }
        switch await versions.value(for: endpoint.text, { await self.negotiate(at: endpoint) }) {
        case .success(let version): return version
        case .failure(let failure): throw failure
        }
    }

    private func negotiate(at endpoint: EngineEndpoint) async -> Result<String, EngineFailure> {
        async let client = DockerClientVersion.version(environment: ["PATH": endpoint.searchPath ?? "/usr/bin:/bin"])
        do {
            let ping = try await call(.GET, "/_ping", at: endpoint, versioned: false)
            return .success(EngineAPIVersion.negotiated(client: await client, engine: ping.headers.first(name: "API-Version")))
        } catch {
            _ = await client
            return .failure(error)
        }
    }

    // MARK: Helpers

    /// The request URL of `uri` at `endpoint`.
    private func url(_ endpoint: EngineEndpoint, _ uri: String) throws(EngineFailure) -> String {
        switch endpoint.transport {
        case .unix(let path):
            guard let url = URL(httpURLWithSocketPath: path, uri: uri) else {
                throw EngineFailure(.unreachable, "cannot use the socket \(path)")
            }
            return url.absoluteString
        case .tcp(let host, let port):
            return "http://\(host.contains(":") ? "[\(host)]" : host):\(port)\(uri)"
        case .cli(let reason):
            throw EngineFailure(.unreachable, "the Engine API is not used for \(endpoint.text) (\(reason))")
        }
    }

    /// The body of `response`, read whole up to `answerLimit`.
    static func read(_ response: HTTPClientResponse, at endpoint: EngineEndpoint) async throws(EngineFailure) -> [UInt8] {
        do {
            let buffer = try await response.body.collect(upTo: answerLimit)
            return Array(buffer.readableBytesView)
        } catch {
            throw failure(error, at: endpoint, reading: true)
        }
    }

    /// The CLI's message for an error status: "Error response from daemon: MESSAGE" (the `message` of the JSON body).
    static func daemonFailure(status: Int, body: [UInt8]) -> EngineFailure {
        var message = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if let document = try? JSONParser.parse(body), case .found(.string(let text)) = lookup(".message", in: document) { message = text }
        if message.isEmpty { message = "the engine answered \(status) without a message" }
        return EngineFailure(.daemon(status), "Error response from daemon: \(message)")
    }

    /// What a transport error means, in the CLI's words where it has them.
    static func failure(_ error: any Error, at endpoint: EngineEndpoint, reading: Bool = false) -> EngineFailure {
        if error is CancellationError { return EngineFailure(.interrupted, "the call to the Docker engine was cancelled") }
        if let client = error as? HTTPClientError {
            if client == .cancelled { return EngineFailure(.interrupted, "the call to the Docker engine was cancelled") }
            if client == .deadlineExceeded || client == .readTimeout {
                return EngineFailure(.unreachable, "the Docker daemon at \(endpoint.text) did not answer in time")
            }
            if reading, client == .remoteConnectionClosed {
                return EngineFailure(
                    .unreachable, "the Docker daemon at \(endpoint.text) closed the connection before the end of its answer")
            }
        }
        if let io = error as? IOError, io.errnoCode == EACCES {
            return EngineFailure(
                .unreachable,
                "permission denied while trying to connect to the Docker daemon socket at \(endpoint.text): connect: permission denied")
        }
        if reading { return EngineFailure(.unreachable, "the Docker daemon at \(endpoint.text) stopped answering: \(error)") }
        return .unreachable(endpoint)
    }

    /// `?name=value&…`, percent-encoded as Go's url.Values does (spaces as %20 here, which the engine reads alike).
    static func encode(_ query: [(String, String)]) -> String {
        guard !query.isEmpty else { return "" }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let pairs = query.map { name, value in
            (name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name) + "="
                + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)
        }
        return "?" + pairs.joined(separator: "&")
    }

    /// A name as one path segment: what a URL path cannot hold is percent-encoded (`/` and `:` stay, as the CLI sends image references).
    static func pathComponent(_ name: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name
    }

    /// The value at `path` in `document`.
    static func lookup(_ path: String, in document: JSONValue) -> JSONPath.Lookup? {
        (try? JSONPath(parsing: path))?.lookup(in: document)
    }
}
