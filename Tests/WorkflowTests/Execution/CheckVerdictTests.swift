import Foundation
import Testing
import Workflow

/// `check`'s verdicts (SPEC 6.11, issue 17 item 1) with a fake engine: journals as evidence, "done,
/// since undone", absence-only probes judged with their needs, facts of the machine, guards, waits.
@Suite("check verdicts", .timeLimit(.minutes(2)))
struct CheckVerdictTests {
    /// A teardown lesson in files: make a thing, then remove it; a fact of the machine; a guarded step.
    static func lesson(_ harness: SessionHarness) throws -> Runbook {
        let folder = harness.folder.path
        return try harness.runbook(
            """
            runbook: 1
            steps:
              - id: machine
                environment: true
                sh: uname -s
                verify: self
                expect: { stdout: { matches: '.' } }
              - id: make
                sh: touch \(folder)/thing
                verify: [{ sh: test -e \(folder)/thing }]
              - id: remove
                needs: [make]
                sh: rm \(folder)/thing
                verify: [{ sh: ls \(folder), expect: { stdout: { not_contains: thing } } }]
              - id: note
                sh: echo no probe here
              - id: guarded
                sh: echo cap > \(folder)/caps
                verify:
                  - { sh: test -e \(folder)/marker, guard: true }
                  - { sh: cat \(folder)/caps, expect: { stdout: { not_contains: nothing } } }
            """)
    }

    /// The first learner's statuses by step id.
    static func statuses(_ results: RunResults) -> [String: String] {
        Dictionary(uniqueKeysWithValues: (results.learners.first?.steps ?? []).map { ($0.step, $0.status.rawValue) })
    }

    @Test("a learner who did nothing: removal steps 'can't tell', never ✓; the machine's fact is kept and not counted")
    func didNothing() async throws {
        let harness = try SessionHarness()
        let (results, _) = try await harness.run(try Self.lesson(harness), policy: .check)
        let learner = try #require(results.learners.first)
        #expect(
            Self.statuses(results) == ["machine": "passed", "make": "failed", "remove": "skipped", "note": "skipped", "guarded": "skipped"])
        #expect(learner.step("remove")?.reason?.hasPrefix("can't tell") == true, "\(learner.step("remove")?.reason ?? "")")
        #expect(learner.step("guarded")?.reason?.hasPrefix("can't tell: guard verify 1 fails") == true)
        #expect(learner.step("machine")?.environment == true)
        #expect(learner.passedCount == 0 && learner.countedSteps == 4)
    }

    @Test("by hand, halfway (no journal): what is there passes, the removal not done yet fails")
    func halfway() async throws {
        let harness = try SessionHarness()
        #expect(FileManager.default.createFile(atPath: harness.folder.appendingPathComponent("thing").path, contents: nil))
        let (results, _) = try await harness.run(try Self.lesson(harness), policy: .check)
        #expect(Self.statuses(results)["make"] == "passed")
        #expect(Self.statuses(results)["remove"] == "failed")
    }

    @Test("guided to the end: passed in the journal; probes that fail now make 'done, since undone'")
    func guidedToTheEnd() async throws {
        let harness = try SessionHarness()
        #expect(FileManager.default.createFile(atPath: harness.folder.appendingPathComponent("marker").path, contents: nil))
        var evidence = JournalEvidence()
        for step in ["make", "remove", "note", "guarded"] { evidence.notePass(learner: "local", step: step, source: "guide") }
        let (results, _) = try await harness.run(try Self.lesson(harness), policy: .check, evidence: evidence)
        let learner = try #require(results.learners.first)
        #expect(
            Self.statuses(results) == ["machine": "passed", "make": "passed", "remove": "passed", "note": "passed", "guarded": "passed"])
        #expect(learner.step("make")?.undone == true, "the lesson removed what this step made")
        #expect(learner.step("make")?.symbol == "↺")
        #expect(learner.step("remove")?.undone == nil && learner.step("remove")?.evidence == "guide")
        #expect(learner.step("note")?.evidence == "guide", "a step without probes passes on its journal")
        #expect(learner.passedCount == 4 && learner.countedSteps == 4)
    }

    @Test("--wait bounds a retry: { for } in check; a missing prerequisite stops the wait at once")
    func waits() async throws {
        let harness = try SessionHarness()
        let runbook = try harness.runbook(
            """
            runbook: 1
            steps:
              - id: ready
                sh: echo not yet
                retry: { for: 30s, every: 1s }
                verify: self
                expect: { stdout: { contains: ready } }
              - id: on-thing
                absent: web
                retry: { for: 30s, every: 10ms }
                verify: self
                expect: { stdout: { contains: ready } }
            """)
        let (results, _) = try await harness.run(runbook, policy: .check, checkWait: .milliseconds(100))
        let learner = try #require(results.learners.first)
        #expect(learner.step("ready")?.attempts == 1, "the next attempt would start after --wait")
        #expect(learner.step("on-thing")?.attempts == 1, "nothing to wait for")
        #expect(learner.step("ready")?.status == .failed)
    }
}
