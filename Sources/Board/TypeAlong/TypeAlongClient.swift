import AsyncHTTPClient
import Foundation
import NIOCore

/// Type-along's client side, over the board's HTTP API: the instructor's `record --share` posts
/// each command as it ends; a guide joins with the class code and long-polls the stream.
public struct TypeAlongClient: Sendable {
    /// The board.
    public let url: JoinURL
    private let http: HTTPClient

    /// A client of the board of `url`.
    public init(url: JoinURL) {
        self.url = url
        http = BoardHTTPClient.client(for: url)
    }

    private struct Page: Decodable {
        var entries: [InstructorEntry]
    }

    private struct Posted: Encodable {
        var command: String
        var exitStatus: Int32?
        var output: [String]
    }

    /// Posts a command with the instructor's `token`; nil when the board took it, else why not.
    public func share(command: String, exitStatus: Int32?, output: [String], token: String) async -> String? {
        let body =
            (try? JSONEncoder().encode(
                Posted(
                    command: command, exitStatus: exitStatus, output: Array(output.prefix(InstructorEntry.outputLines))))) ?? Data()
        switch await request("/api/v1/instructor", body: Array(body), token: token, timeout: .seconds(5)) {
        case .success((200, _)): return nil
        case .success((let status, let data)): return "HTTP \(status): \(String(decoding: data, as: UTF8.self))"
        case .failure(let error): return "\(error)"
        }
    }

    /// A learner's token for `learner` (joining with the class code), or nil.
    public func token(learner: String) async -> String? {
        let joined = await BoardClient(url: url, http: http, timeout: .seconds(5)).join(learner: learner)
        if case .success(let answer) = joined { return answer.token }
        return nil
    }

    /// The commands after `seq`, waiting up to `wait` seconds for the next one; nil when the board
    /// did not answer (or refused the token).
    public func entries(after seq: Int, wait: Int, token: String) async -> [InstructorEntry]? {
        let path = "/api/v1/instructor?after=\(seq)&wait=\(wait)"
        let answer = await request(path, body: nil, token: token, timeout: .seconds(Int64(wait) + 5))
        guard case .success((200, let data)) = answer else { return nil }
        return (try? JSONDecoder().decode(Page.self, from: data))?.entries
    }

    private struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private func request(
        _ path: String, body: [UInt8]?, token: String, timeout: Duration
    ) async -> Result<(Int, Data), Failure> {
        var request = HTTPClientRequest(url: url.origin + path)
        request.method = body == nil ? .GET : .POST
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        do {
            let response = try await http.execute(request, timeout: .seconds(timeout.components.seconds))
            let buffer = try await response.body.collect(upTo: 1 << 20)
            return .success((Int(response.status.code), Data(buffer.readableBytesView)))
        } catch {
            return .failure(Failure(description: "\(error)"))
        }
    }
}
