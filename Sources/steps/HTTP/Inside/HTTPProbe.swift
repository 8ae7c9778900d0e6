import AsyncHTTPClient
import Text
import Workflow

/// `runbook probe-http …` inside the probe container (SPEC 12.2): makes the request, trying again
/// every `every` until the answer's status is accepted or `for` is up (one container start for a
/// whole readiness wait), then writes for the runner on stdout one JSON line, then the body:
/// `{"status":200,"head":"HTTP/1.1 200 OK\ncontent-type: …","attempts":3}` or
/// `{"failure":"connection refused: http://web/","attempts":40}` (the learner's server is not up:
/// `failed`) or `{"error":"…"}` (the request cannot be made: `error`). A body cut short ends the
/// probe with status 3 and the reason on stderr.
public enum HTTPProbe {
    /// The exit status when the body could not be read to its end.
    static let bodyFailed: Int32 = 3

    /// Runs the probe on the words after `probe-http`; returns its exit status (2 for words it cannot read).
    public static func main(_ words: [String]) async -> Int32 {
        let arguments: HTTPProbeArguments
        switch HTTPProbeArguments.parse(words) {
        case .failure(let problem):
            DescriptorWriter.writeAll("runbook probe-http: \(problem.message)\n", to: 2)
            return 2
        case .success(let parsed):
            arguments = parsed
        }
        let request = arguments.request
        let client = HTTPClients.client(insecure: request.insecure, followRedirects: request.followRedirects)
        let clock = ContinuousClock()
        let deadline = clock.now + arguments.window
        var attempts = 0
        while true {
            attempts += 1
            let last = clock.now + arguments.every > deadline
            let response: HTTPClientResponse
            do {
                response = try await client.execute(HTTPRequestAction.clientRequest(request), timeout: .hours(24))
            } catch {
                switch HTTPFailure.problem(error, url: request.url) {
                case .error(let message):
                    return header([.init(key: "error", value: .string(message)), attemptsMember(attempts)])
                case .failed(let message):
                    if last { return header([.init(key: "failure", value: .string(message)), attemptsMember(attempts)]) }
                }
                try? await Task.sleep(for: arguments.every)
                continue
            }
            let code = Int(response.status.code)
            guard arguments.statuses.accepts(code) || last else {
                try? await Task.sleep(for: arguments.every)
                continue
            }
            let head = HTTPRequestAction.head(of: response)
            _ = header([
                .init(key: "status", value: .number(String(code))), .init(key: "head", value: .string(head)), attemptsMember(attempts),
            ])
            do {
                for try await chunk in response.body {
                    let written = chunk.withUnsafeReadableBytes { DescriptorWriter.writeAll($0, to: 1) }
                    if !written { return 0 }
                }
            } catch {
                DescriptorWriter.writeAll("while reading the response: \(HTTPFailure.describe(error)): \(request.url)\n", to: 2)
                return bodyFailed
            }
            return 0
        }
    }

    /// Writes the JSON line; returns 0.
    private static func header(_ members: [JSONObject.Member]) -> Int32 {
        DescriptorWriter.writeAll(JSONValue.object(JSONObject(members)).text + "\n", to: 1)
        return 0
    }

    /// `"attempts": N`.
    private static func attemptsMember(_ count: Int) -> JSONObject.Member {
        JSONObject.Member(key: "attempts", value: .number(String(count)))
    }
}
