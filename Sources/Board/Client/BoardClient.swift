import AsyncHTTPClient
import Foundation
import NIOCore

/// The learner's side of the board's protocol (SPEC 7) over AsyncHTTPClient, each request
/// bounded by a short timeout so that a board that is down or far away never holds anything up.
struct BoardClient: Sendable {
    /// The board.
    let url: JoinURL
    /// The HTTP client.
    let http: HTTPClient
    /// The limit of one request.
    let timeout: Duration

    /// The answer to a join.
    struct Joined: Decodable, Sendable {
        /// The learner's bearer token.
        var token: String
        /// The highest seq the board holds of theirs.
        var acked: Int
    }

    private struct Failure: Decodable {
        var error: String?
        var line: Int?
        var acked: Int?
    }

    /// Joins as `learner`: their token and the highest seq the board holds of theirs, or why not.
    func join(learner: String, timeout: Duration? = nil) async -> Result<Joined, PushAnswerError> {
        let body = (try? JSONEncoder().encode(["code": url.code, "learner": learner])) ?? Data()
        switch await send("/api/v1/join", body: Array(body), token: nil, timeout: timeout ?? self.timeout) {
        case .success((200, let data)):
            guard let joined = try? JSONDecoder().decode(Joined.self, from: data) else {
                return .failure(.init(.unavailable("not a board's answer")))
            }
            return .success(joined)
        case .success((let status, let data)):
            return .failure(.init(Self.answer(status: status, data: data)))
        case .failure(let error):
            return .failure(error)
        }
    }

    /// Pushes one batch body with `token`.
    func push(_ body: [UInt8], token: String, timeout: Duration? = nil) async -> PushAnswer {
        switch await send("/api/v1/journal", body: body, token: token, timeout: timeout ?? self.timeout) {
        case .success((let status, let data)): return Self.answer(status: status, data: data)
        case .failure(let error): return error.answer
        }
    }

    private func send(_ path: String, body: [UInt8], token: String?, timeout: Duration) async -> Result<(Int, Data), PushAnswerError> {
        var request = HTTPClientRequest(url: url.origin + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: path.hasSuffix("journal") ? "application/x-ndjson" : "application/json")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        request.body = .bytes(ByteBuffer(bytes: body))
        let milliseconds = timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
        do {
            let response = try await http.execute(request, timeout: .milliseconds(milliseconds))
            let buffer = try await response.body.collect(upTo: 1 << 20)
            return .success((Int(response.status.code), Data(buffer.readableBytesView)))
        } catch {
            // Refused, unresolvable, unroutable: nobody answers there. A timeout may be a slow board.
            return .failure(.init(Self.isUnreachable(error) ? .unreachable("\(error)") : .silent("\(error)")))
        }
    }

    /// True for an error that says nothing listens at the board's address, or that it does not
    /// resolve or route (not for a timeout: a loaded board may just be slow).
    static func isUnreachable(_ error: any Error) -> Bool {
        let text = String(describing: error).lowercased()
        let signs = [
            "connection refused", "econnrefused", "errno: 111", "name or service not known", "nodename nor servname",
            "temporary failure in name resolution", "no address", "dnsaerror", "dnsaaaaerror", "unreachable", "errno: 101", "errno: 113",
        ]
        return signs.contains { text.contains($0) }
    }

    /// The pusher's reading of an HTTP answer.
    static func answer(status: Int, data: Data) -> PushAnswer {
        let failure = try? JSONDecoder().decode(Failure.self, from: data)
        let message = failure?.error ?? "HTTP \(status)"
        switch status {
        case 200:
            guard let receipt = try? JSONDecoder().decode(PushReceipt.self, from: data) else { return .unavailable("not a board's answer") }
            return .acked(receipt.acked, refused: receipt.refused ?? [])
        case 400: return .invalid(line: failure?.line, message: message)
        case 401, 403: return .unauthorized(message)
        case 409: return failure?.acked.map { .conflict(acked: $0) } ?? .unavailable(message)
        case 413: return .tooLarge
        default: return .unavailable(message)
        }
    }
}
