import Foundation
import ProcessHarness
import Testing

@testable import Steps
@testable import Workflow

/// The `http:` kind's request against a real server on loopback (Tests/Shared/http-test-server.py).
@Suite("HTTP request action")
struct HTTPRequestActionTests {
    let server: HTTPTestServer

    init() async throws {
        server = try await HTTPTestServer()
    }

    /// Prepares `options` as the kind would after substitution, performs it and collects both streams.
    private func perform(
        _ options: [(name: String, value: String)], into collected: CollectedOutput = CollectedOutput()
    ) async throws -> (ActionOutcome, CollectedOutput) {
        let context = CommandContext(learner: "ann", step: "web", runId: "r1", environment: [:], marksCreations: false, capabilities: [])
        let prepared = try HTTPCommandKind().prepare(ResolvedCommand(key: "http", options: options), context: context).get()
        let action = try #require(prepared.action)
        let output = ActionOutput(consumer: collected)
        let outcome = await action.perform(output)
        output.finish()
        return (outcome, collected)
    }

    @Test("GET: the body on stdout; the status line, then each header lower-cased, on stderr; the status as a fact")
    func getWritesHeadAndBody() async throws {
        let (outcome, output) = try await perform([("url", server.url("/headers"))])
        #expect(outcome.problem == nil)
        #expect(outcome.facts?.status == 200)
        #expect(outcome.facts?.subject == "GET \(server.url("/headers"))")
        #expect(output.stdout == ["headers"])
        #expect(output.stderr.first == "HTTP/1.1 200 OK")
        let expected = ["content-type: text/plain; charset=utf-8", "content-length: 8", "x-custom: one", "set-cookie: a=1"]
        for line in expected + ["set-cookie: b=2"] {
            #expect(output.stderr.contains(line), "no '\(line)' in \(output.stderr)")
        }
    }

    @Test("a 404 is a response like any other: the status is a fact for `status:`, not a problem")
    func statusIsAFact() async throws {
        let (outcome, output) = try await perform([("url", server.url("/status/404"))])
        #expect(outcome.problem == nil)
        #expect(outcome.facts?.status == 404)
        #expect(output.stderr.first == "HTTP/1.1 404 Not Found")
        #expect(output.stdout == ["status 404"])
    }

    @Test("POST sends the method, the headers as written and the body byte for byte, plus curl's own defaults")
    func postWithHeadersAndBody() async throws {
        let body = "{\"name\": \"ann\", \"text\": \"ünïcode\"}\n"
        let (outcome, output) = try await perform([
            ("url", server.url("/echo")), ("method", "POST"), ("header.Content-Type", "application/json"),
            ("header.X-Token", "abc 123"), ("body", body),
        ])
        #expect(outcome.facts?.status == 200)
        let echo = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.joined(separator: "\n").utf8)) as? [String: Any])
        let headers = try #require(echo["headers"] as? [String: String])
        #expect(echo["method"] as? String == "POST")
        #expect(echo["body"] as? String == body)
        #expect(headers["content-type"] == "application/json")
        #expect(headers["x-token"] == "abc 123")
        #expect(headers["user-agent"] == "runbook")
        #expect(headers["accept"] == "*/*")
        #expect(headers["content-length"] == String(body.utf8.count))
    }

    @Test("a body without Content-Type is sent as curl --data sends it: application/x-www-form-urlencoded")
    func formContentType() async throws {
        let (_, output) = try await perform([("url", server.url("/echo")), ("method", "PUT"), ("body", "a=1&b=2")])
        let echo = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.joined().utf8)) as? [String: Any])
        #expect(echo["method"] as? String == "PUT")
        #expect((echo["headers"] as? [String: String])?["content-type"] == "application/x-www-form-urlencoded")
    }

    @Test("HEAD gets the status and headers, and no body")
    func head() async throws {
        let (outcome, output) = try await perform([("url", server.url("/html")), ("method", "HEAD")])
        #expect(outcome.facts?.status == 200)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains("content-type: text/html"))
    }

    @Test("redirects are followed up to 10 by default; follow_redirects: false gets the redirect itself")
    func redirects() async throws {
        let (followed, output) = try await perform([("url", server.url("/redirect/10"))])
        #expect(followed.problem == nil)
        #expect(followed.facts?.status == 200)
        #expect(output.stdout == ["arrived"])

        let (stayed, head) = try await perform([("url", server.url("/redirect/3")), ("follow_redirects", "false")])
        #expect(stayed.facts?.status == 302)
        #expect(head.stderr.contains("location: /redirect/2"))

        let (tooMany, _) = try await perform([("url", server.url("/redirect/11"))])
        #expect(tooMany.problem == .failed("more than 10 redirects: \(server.url("/redirect/11"))"))
        let (loop, _) = try await perform([("url", server.url("/redirect-loop"))])
        #expect(loop.problem == .failed("more than 10 redirects: \(server.url("/redirect-loop"))"))
    }

    @Test("a refused connection is the learner's: failed, with the reason and the URL, at once")
    func refused() async throws {
        let url = "http://127.0.0.1:\(HTTPTestServer.closedPort())/"
        let (outcome, output) = try await perform([("url", url)])
        #expect(outcome.problem == .failed("connection refused: \(url)"))
        #expect(outcome.facts == nil)
        #expect(output.stderr.isEmpty && output.stdout.isEmpty)
    }

    @Test("a server that closes the connection without answering: failed")
    func closedWithoutAnswer() async throws {
        let (outcome, _) = try await perform([("url", server.url("/close"))])
        #expect(outcome.problem == .failed("the server closed the connection: \(server.url("/close"))"))
    }

    @Test("a host name that does not resolve: failed, naming the host")
    func unresolvable() async throws {
        let (outcome, _) = try await perform([("url", "http://no-such-host.invalid:8080/")])
        #expect(outcome.problem == .failed("cannot resolve host no-such-host.invalid: http://no-such-host.invalid:8080/"))
    }

    @Test("https: a self-signed certificate fails the step with a hint, unless insecure: true skips the check")
    func selfSignedTLS() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("http-tls-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cert = folder.appendingPathComponent("cert.pem").path
        let key = folder.appendingPathComponent("key.pem").path
        let made = try await ChildProcess.run(
            "openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1",
            ])
        try #require(made.status == 0, "openssl could not make a certificate")
        let tls = try await HTTPTestServer(["--tls", cert, key])
        let url = "https://127.0.0.1:\(tls.port)/html"

        let (checked, _) = try await perform([("url", url)])
        let reason = "TLS handshake failed: the server's certificate is not trusted (`insecure: true` skips the check): \(url)"
        #expect(checked.problem == .failed(reason))
        let (unchecked, output) = try await perform([("url", url), ("insecure", "true")])
        #expect(unchecked.problem == nil)
        #expect(unchecked.facts?.status == 200)
        #expect(output.stdout == ["<h1>Hello runbook</h1>"])
    }

    @Test("a large body is streamed to the checks in many chunks, every line intact")
    func streamsLargeBodies() async throws {
        let (outcome, output) = try await perform([("url", server.url("/big/5000000"))])
        #expect(outcome.problem == nil)
        #expect(output.stdout.count == 50_000)
        #expect(output.stdout.allSatisfy { $0.utf8.count == 99 })
        #expect(output.stdoutChunks > 10, "the body came in \(output.stdoutChunks) chunk(s): it was not streamed")
    }

    @Test("when the checks have seen enough (finish_on_match), the rest of the body is not waited for", .timeLimit(.minutes(1)))
    func stopsWhenChecksAreSatisfied() async throws {
        let (outcome, output) = try await perform([("url", server.url("/stall"))], into: CollectedOutput(stopAfter: "partial"))
        #expect(outcome.facts?.status == 200)
        #expect(output.stdout == ["partial"])
    }

    @Test("cancelling the task (a timeout, Ctrl-C) ends a request whose server stalls mid-body", .timeLimit(.minutes(1)))
    func cancellationEndsTheRequest() async throws {
        let collected = CollectedOutput()
        let url = server.url("/stall")
        let task = Task { try await perform([("url", url)], into: collected) }
        while collected.stdout.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
        task.cancel()
        _ = try await task.value
        #expect(collected.stdout == ["partial"])
    }
}
