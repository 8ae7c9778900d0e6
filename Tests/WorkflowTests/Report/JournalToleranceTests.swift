import Foundation
import Testing

@testable import Workflow

/// The journal's `start` record (a step shown by the guide or started by a run, SPEC 11.3) and
/// readers that tolerate what they do not know: journals of other versions still read.
@Suite("Journal start records and tolerance")
struct JournalToleranceTests {
    @Test func aStartRecordRoundTripsAndReadsWithoutItsSource() throws {
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        let record = JournalRecord.start(StepStartRecord(learner: "ada", step: "build", at: at, source: .run))
        let data = try JSONEncoder.runbook.encode(record)
        #expect(String(decoding: data, as: UTF8.self).contains("\"type\":\"start\""))
        let back = try JSONDecoder.runbook.decode(JournalRecord.self, from: data)
        #expect(back.type == .start)
        #expect(back.start == StepStartRecord(learner: "ada", step: "build", at: at, source: .run))
        let bare = #"{"type":"start","start":{"learner":"ada","step":"build","at":"2027-01-15T08:00:00.000Z"}}"#
        #expect(try JSONDecoder.runbook.decode(JournalRecord.self, from: Data(bare.utf8)).start?.source == .guide)
    }

    @Test func startAndUnknownRecordsAreNotResultsAndDoNotStopAReader() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("journal-tolerance-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var lines = try ResultsLoaderTests.journal(ReportFixture.results())
        let start = try JSONEncoder.runbook.encode(JournalRecord.start(StepStartRecord(learner: "alice", step: "hello", source: .guide)))
        lines.insert(String(decoding: start, as: UTF8.self), at: 2)
        lines.insert(#"{"type":"from-a-newer-runbook","payload":{"x":1}}"#, at: 3)
        let path = dir.appendingPathComponent("journal.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = try ResultsLoader.load(path: path)
        let expected = ReportFixture.results()
        #expect(loaded.learners.flatMap(\.steps).map(\.status) == expected.learners.flatMap(\.steps).map(\.status))
        let results = dir.appendingPathComponent("results.json").path
        _ = try ResultsStreamWriter.write(try JournalIndex.read(path: path), journalPath: path, to: results)
        #expect(try ResultsLoader.load(path: results).learners.map(\.steps.count) == expected.learners.map(\.steps.count))
    }

    @Test func resultsWrittenBeforeHintsAndWhyStillRead() throws {
        let old =
            #"{"learner":"ada","step":"a","status":"failed","endedAt":"2027-01-15T08:00:00.000Z","durationSeconds":1,"attempts":1,"#
            + #""failures":[{"matcher":"exit","expected":"0","message":"expected 0, got 1","lines":[]}],"#
            + #""captured":{},"finishedOnMatch":false,"verify":[]}"#
        let result = try JSONDecoder.runbook.decode(StepResult.self, from: Data(old.utf8))
        #expect(result.hintsShown == nil && result.why == nil && result.hints == nil)
        #expect(result.failures.first?.why == nil)
        #expect(result.shownReason == nil)
    }
}
