import Foundation
import Testing

/// Hints revealed one at a time in a real terminal (SPEC 11.1): the first after the first failed
/// attempt, the next on `?`, never all at once; a resumed guide goes on from the count it saved;
/// `why:` in place of the matcher's words; results.json's `hintsShown`; the journal's start records.
@Suite("runbook guide: hints and why", .serialized, .enabled(if: TmuxScreen.isAvailable || DockerAvailability.inCI, "needs tmux"))
struct GuideHintsTests {
    static let runbook = """
        runbook: 1
        title: Hints
        vars:
          dir: { required: true, description: a scratch folder of the test }
        steps:
          - id: answer
            title: Write the answer
            say: Put the answer in `answer.txt`.
            sh: cat "$dir/answer.txt"
            hints:
              - First hint - the file is answer.txt.
              - Second hint - the answer is a number.
              - Third hint - it is ${learner}'s favourite, 42.
            expect:
              exit: { equals: 0, why: "The file answer.txt should exist: create it first." }
              stdout:
                - contains: "42"
                  why: "The file should hold the answer, 42."
          - id: done
            title: Done
            exec: [echo, done]
            expect: { stdout: { contains: done } }
        """

    /// Starts the guide on `runbook.yaml` in `scratch` with its own state folder.
    static func guide(_ scratch: URL, results: String) async throws -> TmuxScreen {
        try await TmuxScreen(
            [
                RunbookBinary.url.path, "guide", scratch.appendingPathComponent("runbook.yaml").path, "--var", "dir=\(scratch.path)",
                "--out",
                scratch.appendingPathComponent(results).path,
            ],
            in: scratch, environment: ["XDG_STATE_HOME": scratch.appendingPathComponent("state").path, "NO_COLOR": "1"], rows: 40)
    }

    @Test("one hint per failed attempt or ?, counted across sessions; why instead of the matcher's words")
    func hintsOneAtATime() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("guide-hints")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try Self.runbook.write(to: scratch.appendingPathComponent("runbook.yaml"), atomically: true, encoding: .utf8)
        let answer = scratch.appendingPathComponent("answer.txt")

        // Session 1: no file: the exit status's why; hint 1 only.
        let first = try await Self.guide(scratch, results: "results-1")
        var screen = try await first.waitFor("Step 1 of 2 · answer", "Enter run it")
        #expect(!screen.contains("First hint"), "no hint before a failed attempt:\n\(screen)")
        try await first.send("?")
        screen = try await first.waitFor("this help; after a failed attempt")
        #expect(!screen.contains("First hint"), "? before a failure shows no hint:\n\(screen)")
        try await first.send("Enter")
        screen = try await first.waitFor("✗ Failed", "hint 1 of 3: First hint")
        #expect(screen.contains("The file answer.txt should exist: create it first."))
        #expect(!screen.contains("expected 0, got 1"), "the why replaces the matcher's words:\n\(screen)")
        #expect(!screen.contains("Second hint") && !screen.contains("Third hint"), "never all at once:\n\(screen)")

        // The file with a wrong answer: the matcher's why; the second failed attempt reveals hint 2, ? hint 3.
        try "41\n".write(to: answer, atomically: true, encoding: .utf8)
        try await first.send("r")
        screen = try await first.waitFor("The file should hold the answer, 42.", "hint 2 of 3: Second hint")
        #expect(!screen.contains("no line of stdout contains"), "\(screen)")
        #expect(!screen.contains("Third hint"), "\(screen)")
        try await first.send("?")
        screen = try await first.waitFor("Third hint - it is local's favourite, 42.")
        try await first.send("q")
        #expect(try await first.waitForExit() == 1)
        let results = try ResultsFile(directory: scratch.appendingPathComponent("results-1"))
        #expect(results.steps()["answer"]?["hintsShown"] as? Int == 3, "\(results.steps()["answer"] ?? [:])")
        #expect(results.steps()["answer"]?["why"] as? String == "The file should hold the answer, 42.")
        let failure = (results.steps()["answer"]?["failures"] as? [[String: Any]])?.first
        #expect(failure?["message"] as? String == "no line of stdout contains \"42\"", "results keep the matcher's words")
        let journal = try ResultsFile.journal(directory: scratch.appendingPathComponent("results-1"))
        let starts = journal.filter { $0["type"] as? String == "start" }.compactMap { $0["start"] as? [String: Any] }
        #expect(starts.map { $0["step"] as? String } == ["answer"], "the card was shown once")
        #expect(starts.first?["source"] as? String == "guide")

        // Session 2 resumes with the three hints seen; a failure shows the last one again.
        try FileManager.default.removeItem(at: answer)
        let second = try await Self.guide(scratch, results: "results-2")
        screen = try await second.waitFor("Step 1 of 2 · answer", "(hints you have seen for this step)", "hint 3 of 3: Third hint")
        #expect(screen.contains("hint 1 of 3: First hint") && screen.contains("hint 2 of 3: Second hint"))
        try await second.send("Enter")
        screen = try await second.waitFor("✗ Failed", "The file answer.txt should exist")
        let thirds = screen.components(separatedBy: "hint 3 of 3: Third hint").count - 1
        #expect(thirds == 2, "under the card, and again under the failure:\n\(screen)")
        try "42\n".write(to: answer, atomically: true, encoding: .utf8)
        try await second.send("r")
        screen = try await second.waitFor("✓ Passed", "Step 2 of 2 · done")
        try await second.send("q")
        _ = try await second.waitForExit()
        let resumed = try ResultsFile(directory: scratch.appendingPathComponent("results-2"))
        #expect(resumed.steps()["answer"]?["status"] as? String == "passed")
        #expect(resumed.steps()["answer"]?["hintsShown"] as? Int == 3, "the count goes on from the saved state")
        #expect(resumed.steps()["done"] == nil, "shown but never run before q: no result, so 'not run' (SPEC 7.1)")
    }
}
