import Foundation
import Testing

/// `runbook run` on `http:` steps end to end: a real server on loopback, started late by the
/// runbook itself, waited for with `retry: { for }` and stopped by its cleanup.
@Suite("runbook run: http steps")
struct HTTPStepsTests {
    /// The project's HTTP test server, found from this file's place in the source tree.
    static let server = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Shared/http-test-server.py")
    static let fixture = RunbookBinary.fixtures.appendingPathComponent("http/requests.yaml")

    @Test("statuses, body, header and json matchers, POST, redirects, a readiness wait, refused, timeout")
    func requests() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("http")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("results")
        let outcome = try await RunbookBinary.run(["run", Self.fixture.path, "--var", "server=\(Self.server.path)", "--out", out.path])
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 1, "the steps that fail on purpose make the run exit 1: \(outcome.stdout)\(outcome.stderr)")

        let results = try ResultsFile(directory: out)
        #expect(
            results.statuses() == [
                "start": "passed", "ready": "passed", "page": "passed", "api": "passed", "post": "passed", "missing": "passed",
                "listed": "passed", "family": "passed", "redirected": "passed", "not-redirected": "passed", "probed": "passed",
                "server-error": "failed", "refused": "failed", "slow": "timeout",
            ])
        let steps = results.steps()
        let ready = try #require(steps["ready"])
        #expect(ready["attempts"] as? Int ?? 0 > 1, "the server starts a second late, so the first attempts are refused")
        #expect(ready["waitedSeconds"] as? Double ?? 0 > 0)
        #expect(steps["server-error"]?["reason"] as? String == "status: expected 2xx, got 500")
        let port = try #require((results.learners.first?["ports"] as? [String: Int])?["closed"])
        #expect(steps["refused"]?["reason"] as? String == "connection refused: http://127.0.0.1:\(port)/")
        #expect((steps["slow"]?["reason"] as? String)?.contains("timeout of 500ms") == true)
        #expect(steps["api"]?["captured"] as? [String: String] == ["api_version": "1"])

        let web = try #require((results.learners.first?["ports"] as? [String: Int])?["web"])
        let post = try #require(steps["post"]?["command"] as? [String: Any])
        let curl = "curl -i -L -H 'Content-Type: application/json' -H 'X-Learner: local' --data '{\"version\": 1}'"
        #expect(post["display"] as? String == "\(curl) http://127.0.0.1:\(web)/echo")
        #expect(post["argv"] as? [String] == ["POST", "http://127.0.0.1:\(web)/echo"])
        #expect(post["key"] as? String == "http")

        let cleanup = results.learners.first?["cleanup"] as? [[String: Any]] ?? []
        #expect(cleanup.count == 1)
        #expect(cleanup.first?["status"] as? String == "passed", "cleanup stopped the server: \(cleanup)")
    }

    @Test("list shows http steps with their options; validate accepts the fixture")
    func listAndValidate() async throws {
        let validated = try await RunbookBinary.run(["validate", Self.fixture.path])
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
        let listed = try await RunbookBinary.run(["list", Self.fixture.path])
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("http: url=http://127.0.0.1:${port.web}/json"), "\(listed.stdout)")
        #expect(listed.stdout.contains("method=POST"), "\(listed.stdout)")
    }
}
