import Foundation
import Testing

/// `guide` asks for a `required` var without a value when the first step that uses it is shown
/// (SPEC 10.3), a secret without echo, instead of refusing to start; the secret stays redacted.
@Suite("guide asks for required vars", .enabled(if: TmuxScreen.isAvailable))
struct GuideRequiredVarTests {
    @Test("asked at the step that uses it (through another var too), a secret not shown, never stored")
    func asks() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("guide-required")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let runbook = """
            runbook: 1
            vars:
              name: { required: true }
              greeting: "hello ${name}"
              REGISTRY_PASSWORD: { required: true, description: "password of your registry account" }
            steps:
              - id: first
                exec: [echo, one]
                expect: { stdout: { contains: one } }
              - id: greet
                exec: [echo, "${greeting}"]
                expect: { stdout: { contains: hello Ada } }
              - id: secret
                sh: echo "pw is $REGISTRY_PASSWORD"
                expect: { stdout: { contains: pw is s3cret-value } }

            """
        try Data(runbook.utf8).write(to: scratch.appendingPathComponent("workshop.yaml"))
        let screen = try await TmuxScreen(
            [RunbookBinary.url.path, "guide"], in: scratch,
            environment: ["XDG_STATE_HOME": scratch.appendingPathComponent("state").path, "NO_COLOR": "1"], columns: 100, rows: 30)
        let start = try await screen.waitFor("Step 1 of 3")
        #expect(!start.contains("The next step needs"), "nothing is asked before a step needs it")
        try await screen.send("Enter")
        try await screen.waitFor("The next step needs name.", "  name:")
        try await screen.type("Ada")
        try await screen.waitFor("  name: Ada")
        try await screen.send("Enter")
        try await screen.waitFor("$ echo 'hello Ada'")
        try await screen.send("Enter")
        try await screen.waitFor("REGISTRY_PASSWORD (password of your registry account)", "It is a secret")
        try await screen.type("s3cret-value")
        try await screen.send("Enter")
        try await screen.waitFor("Step 3 of 3")
        try await screen.send("Enter")
        #expect(try await screen.waitForExit() == 0)
        await #expect(!screen.capture().contains("s3cret"), "the secret is neither echoed nor shown")
        let results = try FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent("runbook-results").path)
        let journal = try String(
            contentsOf: scratch.appendingPathComponent("runbook-results/\(results[0])/journal.jsonl"), encoding: .utf8)
        #expect(journal.contains("pw is ***") && !journal.contains("s3cret"))
        let state = FileManager.default.enumerator(atPath: scratch.appendingPathComponent("state").path)?.compactMap { $0 as? String } ?? []
        for file in state where file.hasSuffix(".json") {
            let text = try String(contentsOf: scratch.appendingPathComponent("state/\(file)"), encoding: .utf8)
            #expect(!text.contains("s3cret"), "a typed secret is not saved: \(file)")
        }
    }
}
