import AsyncHTTPClient
import Foundation
import NIOCore

/// Plain HTTP against a board, as any client would talk to it, and a reader of server-sent events.
enum BoardHTTP {
    /// A status and a body.
    struct Reply: Sendable {
        /// The HTTP status.
        var status: Int
        /// The body as text.
        var body: String
        /// The headers, names in lower case.
        var headers: [String: String]

        /// The body as JSON.
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:] }
    }

    /// `GET url` with optional headers.
    static func get(_ url: String, headers: [String: String] = [:]) async throws -> Reply {
        try await send(url, body: nil, headers: headers)
    }

    /// `POST url` with `body`.
    static func post(_ url: String, body: [UInt8], headers: [String: String] = [:]) async throws -> Reply {
        try await send(url, body: body, headers: headers)
    }

    /// Joins `learner` with `code`; the reply carries the token.
    static func join(_ origin: String, code: String, learner: String) async throws -> Reply {
        try await post("\(origin)/api/v1/join", body: Array("{\"code\":\"\(code)\",\"learner\":\"\(learner)\"}".utf8))
    }

    /// Pushes `body` with `token`.
    static func push(_ origin: String, token: String, body: [UInt8]) async throws -> Reply {
        try await post("\(origin)/api/v1/journal", body: body, headers: ["Authorization": "Bearer \(token)"])
    }

    /// A GET without a body, else a POST of it.
    private static func send(_ url: String, body: [UInt8]?, headers: [String: String]) async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        request.method = body == nil ? .GET : .POST
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(20))
        let buffer = try await response.body.collect(upTo: 64 << 20)
        var names: [String: String] = [:]
        for header in response.headers { names[header.name.lowercased()] = header.value }
        return Reply(status: Int(response.status.code), body: String(buffer: buffer), headers: names)
    }

    /// One parsed server-sent event.
    struct Event: Sendable, Equatable {
        /// `id:`.
        var id: String?
        /// `event:`.
        var name: String?
        /// `data:`, joined.
        var data: String
    }

    /// Follows `GET url` (with `lastEventId` as `Last-Event-ID`), hands each event to `take`
    /// until it returns false; gives up after `limit` (the test then fails on what it saw).
    static func events(
        _ url: String, lastEventId: String? = nil, limit: Duration = .seconds(20), take: @escaping @Sendable (Event) -> Bool
    ) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                var request = HTTPClientRequest(url: url)
                if let lastEventId { request.headers.add(name: "Last-Event-ID", value: lastEventId) }
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
                var pending = ""
                for try await chunk in response.body {
                    pending += String(buffer: chunk)
                    while let end = pending.range(of: "\n\n") {
                        let block = String(pending[..<end.lowerBound])
                        pending = String(pending[end.upperBound...])
                        var event = Event(id: nil, name: nil, data: "")
                        for line in block.split(separator: "\n") {
                            if line.hasPrefix("id: ") { event.id = String(line.dropFirst(4)) }
                            if line.hasPrefix("event: ") { event.name = String(line.dropFirst(7)) }
                            if line.hasPrefix("data: ") { event.data += line.dropFirst(6) }
                        }
                        if event.name != nil, !take(event) { return }
                    }
                }
            }
            group.addTask { try await Task.sleep(for: limit) }
            try await group.next()
            group.cancelAll()
        }
    }
}
