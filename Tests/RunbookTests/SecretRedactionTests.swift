import Foundation
import Testing

/// Secrets never reach the terminal or the results (SPEC 5), even when a value spans lines.
@Suite("runbook run: secrets")
struct SecretRedactionTests {
    static let fixture = RunbookBinary.fixtures.appendingPathComponent("engine/multiline-secret.yaml")

    @Test("each line of a multi-line secret is redacted in terminal output, failures and excerpts")
    func multiLineSecret() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("multiline-secret")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("results")
        let lines = ["-----BEGIN TEST KEY-----", "bXVsdGktbGluZS1zZWNyZXQtYm9keQ", "-----END TEST KEY-----"]
        let outcome = try await RunbookBinary.run(
            ["run", Self.fixture.path, "--var", "SIGNING_KEY=" + lines.joined(separator: "\n"), "--out", out.path, "--no-color"])
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 1, "\(outcome.stdout)\(outcome.stderr)")
        let results = try ResultsFile(directory: out)
        let step = try #require(results.steps()["leak"])
        let failures = try #require(step["failures"] as? [[String: Any]])
        let quoted = failures.flatMap { ($0["lines"] as? [[String: Any]]) ?? [] }.compactMap { $0["text"] as? String }
        #expect(quoted.contains("***"), "the failures quote the redacted lines: \(quoted)")
        #expect(quoted.contains("the body again: ***"), "\(quoted)")
        let stored =
            try String(contentsOf: out.appendingPathComponent("results.json"), encoding: .utf8)
            + String(contentsOf: out.appendingPathComponent("journal.jsonl"), encoding: .utf8)
        for line in lines {
            #expect(!stored.contains(line), "results or journal show '\(line)'")
            #expect(!outcome.stdout.contains(line) && !outcome.stderr.contains(line), "the terminal shows '\(line)'")
        }
    }

    @Test("a secret shorter than 4 characters is not redacted, and the run says so once")
    func shortSecretIsNamed() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("short-secret")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let roster = scratch.appendingPathComponent("roster.yaml")
        try "learners:\n  - id: ada\n  - id: bob\n".write(to: roster, atomically: true, encoding: .utf8)
        let outcome = try await RunbookBinary.run(
            [
                "run", Self.fixture.path, "--var", "SIGNING_KEY=abc", "--learners", roster.path, "--out",
                scratch.appendingPathComponent("results").path, "--no-color",
            ])
        RunbookBinary.expectNoCrash(outcome)
        let warning = "warning: secret SIGNING_KEY (or a line of it) is shorter than 4 characters and is not redacted"
        #expect(outcome.stdout.components(separatedBy: warning).count == 2, "once for two learners:\n\(outcome.stdout)")
        #expect(outcome.stdout.contains("abc"), "a 3-character value is shown as it is")
    }

    @Test("a quoted line cut at 2,048 bytes does not show the start of a secret that the cut left at its end")
    func secretCutByTheQuote() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("cut-secret")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let runbook = scratch.appendingPathComponent("runbook.yaml")
        // 2,040 x's, then the secret: the quote keeps 8 bytes of it before its `…`.
        try """
        runbook: 1
        vars:
          TOKEN: { required: true }
        secrets: [TOKEN]
        steps:
          - id: leak
            sh: printf '%s%s\\n' "$(head -c 2040 /dev/zero | tr '\\0' x)" "$TOKEN"
            expect: { stdout: { not_contains: "x" } }
        """.write(to: runbook, atomically: true, encoding: .utf8)
        let secret = "s3cr3t-t0ken-value-0123456789"
        let out = scratch.appendingPathComponent("results")
        let outcome = try await RunbookBinary.run(["run", runbook.path, "--var", "TOKEN=" + secret, "--out", out.path, "--no-color"])
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 1, "\(outcome.stdout)\(outcome.stderr)")
        let stored = try String(contentsOf: out.appendingPathComponent("results.json"), encoding: .utf8)
        #expect(stored.contains("***…"), "the cut start of the secret is masked")
        #expect(!stored.contains(String(secret.prefix(6))) && !outcome.stdout.contains(String(secret.prefix(6))))
    }
}
