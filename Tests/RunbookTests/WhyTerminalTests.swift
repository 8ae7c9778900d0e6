import Foundation
import Testing

/// `why:` on the terminal of `runbook run` (SPEC 11.1): the learner's explanation in place of the
/// check's own words, which `--verbose` and results.json keep; a probe's own `why`.
@Suite("why: on the terminal")
struct WhyTerminalTests {
    static let runbook = """
        runbook: 1
        vars: { author: Ada, secret_TOKEN: s3cr3t-value-123 }
        steps:
          - id: greet
            sh: echo "Hello nobody"
            expect:
              stdout:
                - contains: "Hello ${author}"
                  why: "The page should greet ${author}: did you pass -e AUTHOR? (token ${secret_TOKEN})"
          - id: file
            sh: "true"
            verify:
              - sh: test -f /nonexistent/runbook-why
                why: The file should be there once the step ran.
        """

    @Test func theWhyInPlaceOfTheWordsAndBothWithVerbose() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("why-terminal")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try Self.runbook.write(to: scratch.appendingPathComponent("runbook.yaml"), atomically: true, encoding: .utf8)
        let plain = try await RunbookBinary.run(["run", "runbook.yaml", "--out", "r1"], in: scratch)
        RunbookBinary.expectNoCrash(plain)
        #expect(plain.status == 1)
        let why = "The page should greet Ada: did you pass -e AUTHOR? (token ***)"
        #expect(plain.stdout.contains(why), "substituted, redacted:\n\(plain.stdout)")
        #expect(plain.stdout.contains("The file should be there once the step ran."))
        #expect(!plain.stdout.contains("no line of stdout contains"), "\(plain.stdout)")
        #expect(!plain.stdout.contains("s3cr3t-value-123"))
        let verbose = try await RunbookBinary.run(["run", "runbook.yaml", "--out", "r2", "--verbose"], in: scratch)
        #expect(verbose.stdout.contains("The page should greet Ada"))
        #expect(verbose.stdout.contains("(stdout: contains: no line of stdout contains \"Hello Ada\")"), "\(verbose.stdout)")
        #expect(verbose.stdout.contains("(verify 1: exit: expected 0, got 1)"))
        let results = try ResultsFile(directory: scratch.appendingPathComponent("r1"))
        #expect(results.steps()["greet"]?["reason"] as? String == "stdout: contains: no line of stdout contains \"Hello Ada\"")
        #expect((results.steps()["greet"]?["why"] as? String)?.hasSuffix("(token ***)") == true)
        let probe = (results.steps()["file"]?["verify"] as? [[String: Any]])?.first
        #expect(probe?["why"] as? String == "The file should be there once the step ran.")
        #expect(probe?["reason"] as? String == "exit: expected 0, got 1")
        let junit = try await RunbookBinary.run(["report", "r1", "--format", "junit"], in: scratch)
        #expect(junit.stdout.contains("message=\"The file should be there once the step ran.\""), "\(junit.stdout)")
    }
}
