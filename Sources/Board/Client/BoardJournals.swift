import AsyncHTTPClient
import Foundation
import NIOCore

/// `runbook check --board URL`: the learners' journals a board holds (`GET /api/v1/journals`), read
/// with the instructor's token from the board URL `serve` printed (`http://HOST:PORT/?token=T`).
public enum BoardJournals {
    /// Why the journals cannot be had.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// What went wrong.
        public var description: String
    }

    /// The journals' lines, or why not; at most `limit` bytes, within `timeout`.
    public static func fetch(
        _ boardURL: String, http: HTTPClient = .shared, timeout: Duration = .seconds(30), limit: Int = 256 << 20
    ) async throws(Failure) -> Data {
        guard var components = URLComponents(string: boardURL), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", components.host?.isEmpty == false,
            let token = components.queryItems?.first(where: { $0.name == "token" })?.value, !token.isEmpty
        else { throw Failure(description: "\(boardURL) is not a board URL with the instructor's token (http://HOST:PORT/?token=T)") }
        components.path = "/api/v1/journals"
        components.queryItems = nil
        guard let url = components.string else { throw Failure(description: "\(boardURL) is not a board URL") }
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        let milliseconds = timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
        do {
            let response = try await http.execute(request, timeout: .milliseconds(milliseconds))
            let buffer = try await response.body.collect(upTo: limit)
            guard response.status.code == 200 else {
                throw Failure(description: "\(url): HTTP \(response.status.code): \(String(buffer: buffer).prefix(200))")
            }
            return Data(buffer.readableBytesView)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "cannot read the board's journals at \(url): \(error)")
        }
    }
}
