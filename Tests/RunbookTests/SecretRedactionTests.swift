import Foundation
import Testing

/// Secrets never reach the terminal or the results (SPEC 5), even when a value spans lines.
@Suite("runbook run: secrets")
struct SecretRedactionTests {
    static let fixture = RunbookBinary.fixtures.appendingPathComponent("engine/multiline-secret.yaml")

    @Test("each line of a multi-line secret is redacted in terminal output, failures and excerpts")
    func multiLineSecret() throws {
        let scratch = try RunbookBinary.temporaryDirectory("multiline-secret")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("results")
        let lines = ["-----BEGIN TEST KEY-----", "bXVsdGktbGluZS1zZWNyZXQtYm9keQ", "-----END TEST KEY-----"]
        let outcome = try RunbookBinary.run(
            ["run", Self.fixture.path, "--var", "SIGNING_KEY=" + lines.joined(separator: "\n"), "--out", out.path, "--no-color"])
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 1, "\(outcome.stdout)\(outcome.stderr)")
        let results = try ResultsFile(directory: out)
        let step = try #require(results.steps()["leak"])
        let failures = try #require(step["failures"] as? [[String: Any]])
        let quoted = failures.flatMap { ($0["lines"] as? [[String: Any]]) ?? [] }.compactMap { $0["text"] as? String }
        #expect(quoted.contains("***"), "the failures quote the redacted lines: \(quoted)")
        #expect(quoted.contains("the body again: ***"), "\(quoted)")
        let stored = try String(contentsOf: out.appendingPathComponent("results.json"), encoding: .utf8)
            + String(contentsOf: out.appendingPathComponent("journal.jsonl"), encoding: .utf8)
        for line in lines {
            #expect(!stored.contains(line), "results or journal show '\(line)'")
            #expect(!outcome.stdout.contains(line) && !outcome.stderr.contains(line), "the terminal shows '\(line)'")
        }
    }
}
