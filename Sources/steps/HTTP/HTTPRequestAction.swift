import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import Workflow

/// Makes an `http:` step's request in the runner's process: stderr gets the status line and the
/// headers (names lower-cased), stdout the body as it streams in (never held whole), and the
/// facts carry the status for `status:`.
///
/// The runner ends it by cancelling its task (timeout, Ctrl-C); the client then drops the request.
struct HTTPRequestAction: CommandAction {
    /// What to send.
    let request: HTTPRequest

    func perform(_ output: ActionOutput) async -> ActionOutcome {
        let client = HTTPClients.client(insecure: request.insecure, followRedirects: request.followRedirects)
        let response: HTTPClientResponse
        do {
            // The step's timeout bounds the request by cancelling it; this deadline only keeps the
            // client's own bookkeeping finite.
            response = try await client.execute(Self.clientRequest(request), timeout: .hours(24))
        } catch {
            return ActionOutcome(problem: HTTPFailure.problem(error, url: request.url))
        }
        let facts = SubjectFacts(subject: "\(request.method) \(request.url)", status: Int(response.status.code))
        output.write(Self.head(of: response), to: .stderr)
        do {
            for try await chunk in response.body {
                let enough = chunk.withUnsafeReadableBytes { output.write($0, to: .stdout) }
                if enough { break }
            }
        } catch {
            return ActionOutcome(facts: facts, problem: HTTPFailure.problem(error, url: request.url, reading: true))
        }
        return ActionOutcome(facts: facts)
    }

    /// The request for the client: method, headers (curl's defaults added), body.
    static func clientRequest(_ request: HTTPRequest) -> HTTPClientRequest {
        var sent = HTTPClientRequest(url: request.url)
        sent.method = HTTPMethod(rawValue: request.method)
        for header in request.sentHeaders { sent.headers.add(name: header.name, value: header.value) }
        if let body = request.body { sent.body = .bytes(ByteBuffer(string: body)) }
        return sent
    }

    /// `HTTP/1.1 200 OK`, then one `name: value` line per header, names lower-cased, in the order received.
    static func head(of response: HTTPClientResponse) -> String {
        let version = response.version
        var status = version.major >= 2 ? "HTTP/\(version.major)" : "HTTP/\(version.major).\(version.minor)"
        status += " \(response.status.code)"
        if version.major < 2, !response.status.reasonPhrase.isEmpty { status += " \(response.status.reasonPhrase)" }
        var lines = [status]
        for (name, value) in response.headers { lines.append("\(name.lowercased()): \(value)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
