import AsyncHTTPClient
import Foundation
import NIOCore

/// Asks a board for its workshop (SPEC 10.3): the description, then the archive, kept in memory
/// (at most the bundle's cap) so that an interrupted or failed download leaves nothing on disk.
public struct BundleFetcher: Sendable {
    /// The board.
    public let url: JoinURL
    /// The HTTP client.
    let http: HTTPClient

    /// A fetcher for the board of `url`.
    public init(url: JoinURL, http: HTTPClient = .shared) {
        self.url = url
        self.http = http
    }

    /// `GET /join/CODE/bundle.json`: what the board hands out.
    public func describe() async throws(BundleError) -> BundleDescription {
        let (status, body) = try await get("/bundle.json", limit: 64 << 10, timeout: .seconds(10))
        guard status == 200 else { throw Self.refusal(status: status, body: body, url: url) }
        guard let description = try? JSONDecoder().decode(BundleDescription.self, from: Data(body)), description.isWellFormed else {
            throw BundleError("\(url) did not describe a workshop bundle: is it a runbook board's join URL?")
        }
        return description
    }

    /// `GET /join/CODE/bundle.tar.gz`: the archive `description` names; throws when the board now
    /// serves another one, or it is larger than a bundle may be.
    public func download(_ description: BundleDescription) async throws(BundleError) -> [UInt8] {
        let (status, body, announced) = try await fetch(
            "/bundle.tar.gz", limit: WorkshopBundle.maximumSize + (1 << 20), timeout: .seconds(600))
        guard status == 200 else { throw Self.refusal(status: status, body: body, url: url) }
        if let announced, announced != description.runbookSha256 {
            throw BundleError("the board at \(url) changed its runbook while it was being fetched: run the command again")
        }
        return body
    }

    /// The status and body of `GET /join/CODE<suffix>`.
    private func get(_ suffix: String, limit: Int, timeout: Duration) async throws(BundleError) -> (Int, [UInt8]) {
        let (status, body, _) = try await fetch(suffix, limit: limit, timeout: timeout)
        return (status, body)
    }

    /// The status, the body and the `X-Runbook-Sha256` header of `GET /join/CODE<suffix>`.
    private func fetch(_ suffix: String, limit: Int, timeout: Duration) async throws(BundleError) -> (Int, [UInt8], String?) {
        let request = HTTPClientRequest(url: "\(url.origin)/join/\(url.code)\(suffix)")
        do {
            let response = try await http.execute(request, timeout: .seconds(timeout.components.seconds))
            let buffer = try await response.body.collect(upTo: limit)
            return (Int(response.status.code), Array(buffer.readableBytesView), response.headers.first(name: "X-Runbook-Sha256"))
        } catch let error as NIOTooManyBytesError {
            _ = error
            throw BundleError(
                "the board's \(suffix.dropFirst()) is larger than a workshop bundle may be (64 MiB): refused, nothing written")
        } catch is CancellationError {
            throw BundleError("interrupted while downloading the workshop; nothing was written")
        } catch {
            throw BundleError(
                "cannot reach the board at \(url.origin) (\(Self.reason(error))): "
                    + "check the join URL and the network, then run the command again",
                unreachable: true)
        }
    }

    /// A network failure in a few words.
    static func reason(_ error: any Error) -> String {
        let text = "\(error)"
        if text.contains("refused") { return "connection refused" }
        if text.lowercased().contains("timeout") || text.contains("deadline") { return "no answer in time" }
        if text.contains("resolve") || text.contains("not known") || text.contains("NXDOMAIN") { return "the name does not resolve" }
        return text
    }

    /// A board's refusal as one line.
    static func refusal(status: Int, body: [UInt8], url: JoinURL) -> BundleError {
        switch status {
        case 401:
            BundleError(
                "the board at \(url.origin) does not know the class code \(url.code): ask your instructor for the join line",
                wrongCode: true)
        case 404: BundleError("the board at \(url) hands out no workshop: run the guide in the workshop's folder, with its runbook")
        default: BundleError("the board at \(url.origin) answered HTTP \(status)")
        }
    }
}
