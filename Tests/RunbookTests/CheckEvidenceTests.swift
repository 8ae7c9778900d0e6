import Foundation
import Testing

/// `runbook check --journal` and `--board` on the command line (issue 17): a learner's own run is
/// evidence, a run of the roster is not; a source that cannot be read is exit 2.
@Suite("check --journal")
struct CheckEvidenceTests {
    /// A runbook whose one step makes a file that a probe looks for.
    static func runbook(in folder: URL) throws -> URL {
        let file = folder.appendingPathComponent("files.yaml")
        try """
        runbook: 1
        steps:
          - id: make
            sh: touch "made-by-$learner"
            verify:
              - sh: test -e "made-by-$learner"
        """.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test("a learner's own run counts (undone since: the file is gone); a run of the whole roster does not")
    func ownRunCounts() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("check-journal")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let runbook = try Self.runbook(in: scratch)
        let roster = try ModuleLab.roster(["ada", "bob"], in: scratch)
        let state = ["XDG_STATE_HOME": scratch.appendingPathComponent("state").path]
        let own = scratch.appendingPathComponent("own")
        let ownRun = try await RunbookBinary.run(
            ["run", runbook.path, "--learner", "ada", "--out", own.path], in: scratch, environment: state)
        #expect(ownRun.status == 0)
        let classOut = scratch.appendingPathComponent("class")
        let classRun = try await RunbookBinary.run(
            ["run", runbook.path, "--learners", roster.path, "--out", classOut.path], in: scratch, environment: state)
        #expect(classRun.status == 0)
        for learner in ["ada", "bob"] { try FileManager.default.removeItem(at: scratch.appendingPathComponent("made-by-\(learner)")) }
        let out = scratch.appendingPathComponent("check")
        let outcome = try await RunbookBinary.run(
            ["check", runbook.path, "--learners", roster.path, "--out", out.path]
                + ["--journal", own.path, classOut.appendingPathComponent("journal.jsonl").path],
            in: scratch, environment: state)
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 1, "\(outcome.stdout)\(outcome.stderr)")
        let results = try ResultsFile(directory: out)
        let ada = results.steps(of: "ada")["make"]
        #expect(ada?["status"] as? String == "passed" && ada?["undone"] as? Bool == true && ada?["evidence"] as? String == "run")
        #expect(results.steps(of: "bob")["make"]?["status"] as? String == "failed", "the roster's run is not bob's own work")
        #expect(outcome.stdout.contains("↺"), "\(outcome.stdout)")
    }

    @Test("a journal or board that cannot be read ends check with exit 2")
    func unreadableSources() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("check-journal-bad")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let runbook = try Self.runbook(in: scratch)
        let missing = try await RunbookBinary.run(
            ["check", runbook.path, "--journal", scratch.appendingPathComponent("nope").path], in: scratch)
        #expect(missing.status == 2 && missing.stderr.contains("no such file or folder"), "\(missing.stderr)")
        let board = try await RunbookBinary.run(["check", runbook.path, "--board", "http://127.0.0.1:9/"], in: scratch)
        #expect(board.status == 2 && board.stderr.contains("instructor's token"), "\(board.stderr)")
        let wait = try await RunbookBinary.run(["check", runbook.path, "--wait", "soon"], in: scratch)
        #expect(wait.status == 2, "\(wait.stderr)")
    }
}
