import Foundation
import Testing
import Workflow

/// `runbook report` end to end: the built binary on results.json and journal.jsonl files.
@Suite("runbook report")
struct ReportCommandTests {
    static let sha = String(repeating: "5", count: 64)

    /// A scratch folder, removed by the caller.
    static func folder() throws -> URL { try RunbookBinary.temporaryDirectory("runbook-report") }

    /// Runs `runbook ARGUMENTS…` in `directory`; never a crash.
    static func run(_ arguments: [String], in directory: URL) async throws -> RunbookBinary.Outcome {
        let outcome = try await RunbookBinary.run(arguments, in: directory)
        RunbookBinary.expectNoCrash(outcome)
        return outcome
    }

    /// A run of `build` and `push` for the given learners and statuses, ending at `start + 60 s`.
    static func results(runId: String, start: Date, sha: String = sha, learners: [(String, StepStatus, StepStatus)]) -> RunResults {
        let end = start.addingTimeInterval(60)
        return RunResults(
            runId: runId, command: "run", runbook: RunHeader.RunbookInfo(path: "workshop.yaml", title: "Module 1", sha256: sha),
            startedAt: start, endedAt: end, interrupted: false,
            steps: [
                .init(id: "build", title: "Build the image", hint: "Check the Dockerfile."),
                .init(id: "push", title: "Push the image", hint: nil),
            ],
            learners: learners.map { id, build, push in
                LearnerResult(
                    id: id, name: id.capitalized,
                    steps: [
                        StepResult(
                            learner: id, step: "build", title: "Build the image", status: build,
                            reason: build == .passed ? nil : "exit: expected 0, got 1",
                            exitCode: build == .passed ? 0 : 1, startedAt: start, endedAt: start.addingTimeInterval(10),
                            durationSeconds: 10, attempts: 1),
                        StepResult(
                            learner: id, step: "push", title: "Push the image", status: push,
                            reason: push == .blocked ? "needs 'build', which failed" : nil,
                            endedAt: start.addingTimeInterval(20)),
                    ])
            })
    }

    /// The journal lines of `results`, without the end record (a run that crashed).
    static func journalLines(_ results: RunResults) throws -> [String] {
        let encoder = JSONEncoder.runbook
        var records: [JournalRecord] = [
            .run(
                RunHeader(
                    runId: results.runId, command: results.command, runbook: results.runbook, startedAt: results.startedAt,
                    learners: results.learners.map { .init(id: $0.id, name: $0.name) }, steps: results.steps))
        ]
        for learner in results.learners { records += learner.steps.map(JournalRecord.step) }
        return try records.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
    }

    let early = Date(timeIntervalSince1970: 1_790_000_000)
    var late: Date { early.addingTimeInterval(3600) }

    @Test func rendersOneResultsFileToStandardOutput() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.results(runId: "r1", start: early, learners: [("alice", .passed, .passed), ("bob", .failed, .blocked)]).write(
            to: dir.appendingPathComponent("results.json").path)
        let outcome = try await Self.run(["report", "results.json", "--format", "csv"], in: dir)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "id,name,passed,total,build,push\r\nalice,Alice,2,2,passed,passed\r\nbob,Bob,0,2,failed,blocked\r\n")
        #expect(outcome.stderr.isEmpty)
    }

    @Test func aCrashedRunsJournalWithATornLastLineStillGivesAReport() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var lines = try Self.journalLines(
            Self.results(runId: "r1", start: early, learners: [("alice", .passed, .passed), ("bob", .failed, .blocked)]))
        let torn = String(lines.removeLast().prefix(37))  // bob's push was being written when the machine died
        try Data((lines.joined(separator: "\n") + "\n" + torn).utf8).write(to: dir.appendingPathComponent("journal.jsonl"))
        let outcome = try await Self.run(["report", "journal.jsonl", "--format", "junit", "-o", "report.xml"], in: dir)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        let xml = try String(contentsOf: dir.appendingPathComponent("report.xml"), encoding: .utf8)
        #expect(xml.contains("<testsuites name=\"Module 1\" tests=\"4\" failures=\"1\" errors=\"0\" skipped=\"1\""))
        #expect(xml.contains("<skipped message=\"not run: the journal holds no result for this step (the run stopped before it)\"/>"))
        let markdown = try await Self.run(["report", "journal.jsonl", "--format", "md"], in: dir)
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains("> **Incomplete:**"))
        #expect(markdown.stdout.contains("| bob | Bob | ✗ | · | 0/2 |"))
    }

    @Test func mergesRunsLatestResultWinning() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.results(runId: "r2", start: late, learners: [("bob", .passed, .passed)]).write(
            to: dir.appendingPathComponent("second.json").path)
        try Self.results(runId: "r1", start: early, learners: [("alice", .passed, .passed), ("bob", .failed, .blocked)]).write(
            to: dir.appendingPathComponent("first.json").path)
        let outcome = try await Self.run(["report", "first.json", "second.json", "--format", "csv"], in: dir)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "id,name,passed,total,build,push\r\nalice,Alice,2,2,passed,passed\r\nbob,Bob,2,2,passed,passed\r\n")
        let tap = try await Self.run(["report", "second.json", "first.json", "--format", "tap"], in: dir)
        #expect(
            tap.stdout.contains("ok 1 - bob: build — Build the image\n"),
            "the later run wins whatever the order of the arguments (which orders the learners)")
        #expect(tap.stdout.contains("ok 3 - alice: build — Build the image\n"))
    }

    @Test func refusesRunsOfDifferentRunbooksUnlessForced() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.results(runId: "r1", start: early, learners: [("alice", .failed, .blocked)]).write(
            to: dir.appendingPathComponent("a.json").path)
        try Self.results(runId: "r2", start: late, sha: String(repeating: "6", count: 64), learners: [("alice", .passed, .passed)])
            .write(to: dir.appendingPathComponent("b.json").path)
        let refused = try await Self.run(["report", "a.json", "b.json", "--format", "md"], in: dir)
        #expect(refused.status == 2)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.hasPrefix("runbook: error: the inputs come from different runbooks; merge them anyway with --force:\n"))
        #expect(refused.stderr.contains("a.json: workshop.yaml sha256 555555555555"))
        #expect(refused.stderr.contains("b.json: workshop.yaml sha256 666666666666"))
        let forced = try await Self.run(["report", "a.json", "b.json", "--format", "csv", "--force"], in: dir)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.hasSuffix("alice,Alice,2,2,passed,passed\r\n"))
    }

    @Test func unreadableInputsAndUnknownFormatsExit2() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.results(runId: "r1", start: early, learners: [("alice", .passed, .passed)]).write(
            to: dir.appendingPathComponent("results.json").path)
        try Data("not json at all".utf8).write(to: dir.appendingPathComponent("broken.json"))
        let missing = try await Self.run(["report", "nope.json", "--format", "md"], in: dir)
        #expect(missing.status == 2)
        #expect(missing.stderr == "runbook: error: nope.json: no such file\n")
        let broken = try await Self.run(["report", "results.json", "broken.json", "--format", "md"], in: dir)
        #expect(broken.status == 2)
        #expect(broken.stderr == "runbook: error: broken.json: not a results.json or journal.jsonl (not JSON)\n")
        let format = try await Self.run(["report", "results.json", "--format", "pdf"], in: dir)
        #expect(format.status == 2)
        #expect(format.stderr == "runbook: error: unknown report format 'pdf'; use json, junit, tap, md, csv, html or github\n")
        let noFormat = try await Self.run(["report", "results.json"], in: dir)
        #expect(noFormat.status == 2, "argument-parser's usage error is mapped to 2")
        let unwritable = try await Self.run(["report", "results.json", "--format", "md", "-o", "results.json/report.md"], in: dir)
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.hasPrefix("runbook: error: cannot write the report results.json/report.md: "), "\(unwritable.stderr)")
        let newFolder = try await Self.run(["report", "results.json", "--format", "md", "-o", "reports/today/report.md"], in: dir)
        #expect(newFolder.status == 0, "\(newFolder.stderr)")
    }

    @Test func everyFormatRendersAndJSONRoundTrips() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = Self.results(runId: "r1", start: early, learners: [("alice", .passed, .passed), ("bob", .failed, .blocked)])
        try original.write(to: dir.appendingPathComponent("results.json").path)
        for format in ["json", "junit", "tap", "md", "csv", "html"] {
            let outcome = try await Self.run(["report", "results.json", "--format", format, "-o", "report.\(format)"], in: dir)
            #expect(outcome.status == 0, "\(format): \(outcome.stderr)")
            let size =
                (try? FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("report.\(format)").path)[.size] as? Int) ?? 0
            #expect(size > 50, "\(format) is empty")
        }
        let copy = try JSONDecoder.runbook.decode(RunResults.self, from: Data(contentsOf: dir.appendingPathComponent("report.json")))
        #expect(copy.runId == original.runId && copy.learners.map(\.id) == ["alice", "bob"])
    }
}
