import Foundation
import Testing
import Workflow

/// What counts as evidence of a learner's work for `check` (SPEC 6.11): their guide, a run or check
/// of their own; never a run of the whole roster, another runbook, or a step that did not pass.
@Suite("Evidence from journals")
struct EvidenceReaderTests {
    /// A run record.
    static func header(_ command: String, sha: String = "abc", learners: [String], roster: Bool? = nil) -> JournalRecord {
        .run(
            RunHeader(
                runId: "r-\(command)", command: command, runbook: .init(path: "m.yaml", title: nil, sha256: sha), startedAt: Date(),
                learners: learners.map { .init(id: $0, name: nil) }, steps: [], roster: roster))
    }

    /// A step record.
    static func step(_ learner: String, _ step: String, _ status: StepStatus) -> JournalRecord {
        .step(StepResult(learner: learner, step: step, status: status))
    }

    /// Records as JSON lines.
    static func lines(_ records: [JournalRecord]) throws -> Data {
        var data = Data()
        for record in records {
            data.append(try JSONEncoder.runbook.encode(record))
            data.append(0x0A)
        }
        return data
    }

    @Test("a guide, and a run of one learner, count; a roster run, a selftest, other runbooks and failures do not")
    func whatCounts() throws {
        let data = try Self.lines([
            Self.header("run", learners: ["ada", "bob"], roster: true), Self.step("ada", "a", .passed), Self.step("bob", "a", .passed),
            Self.header("guide", learners: ["ada"]), Self.step("ada", "b", .passed), Self.step("ada", "c", .failed),
            Self.header("run", learners: ["bob"]), Self.step("bob", "d", .passed),
            Self.header("guide", sha: "other", learners: ["bob"]), Self.step("bob", "e", .passed),
            Self.header("selftest", learners: ["bob"]), Self.step("bob", "f", .passed),
            Self.header("check", learners: ["cy"]), Self.step("cy", "g", .passed),
        ])
        var evidence = JournalEvidence()
        try EvidenceReader(sha256: "abc", learners: ["ada", "bob"]).read(lines: data, named: "j", into: &evidence)
        #expect(evidence.passes == ["ada": ["b": "guide"], "bob": ["d": "run"]])
    }

    @Test("a board store folder (one journal per learner, records with seq) and a torn last line")
    func storeFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var ada = try Self.lines([Self.header("guide", learners: ["ada"]), Self.step("ada", "b", .passed)])
        ada.append(contentsOf: Array(#"{"type":"step","st"#.utf8))
        try ada.write(to: folder.appendingPathComponent("ada.jsonl"))
        var evidence = JournalEvidence()
        try EvidenceReader(sha256: "abc", learners: ["ada"]).read(path: folder.path, into: &evidence)
        #expect(evidence.source(learner: "ada", step: "b") == "guide")
        #expect(throws: EvidenceReader.Failure.self) {
            try EvidenceReader(sha256: "abc", learners: ["ada"]).read(path: folder.appendingPathComponent("nope").path, into: &evidence)
        }
    }

    @Test("the guide's state on this machine: its passed steps and its captures")
    func guideState() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("abc"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try """
        {"schema": "runbook-guide-state/1", "runbook": {"path": "/m.yaml", "sha256": "abc"}, "learner": "ada",
         "updatedAt": "2026-11-29T00:00:00.000Z", "captures": {"id": "42"},
         "results": {"b": {"learner": "ada", "step": "b", "status": "passed", "endedAt": "2026-11-29T00:00:00.000Z",
           "durationSeconds": 0, "attempts": 1, "failures": [], "captured": {}, "finishedOnMatch": false, "verify": []},
           "c": {"learner": "ada", "step": "c", "status": "skipped", "endedAt": "2026-11-29T00:00:00.000Z",
           "durationSeconds": 0, "attempts": 0, "failures": [], "captured": {}, "finishedOnMatch": false, "verify": []}}}
        """.write(to: root.appendingPathComponent("abc/ada.json"), atomically: true, encoding: .utf8)
        var evidence = JournalEvidence()
        EvidenceReader(sha256: "abc", learners: ["ada", "bob"]).guideStates(root: root.path, into: &evidence)
        #expect(evidence.passes == ["ada": ["b": "guide"]])
        #expect(evidence.captures == ["ada": ["id": "42"]])
    }
}
