import Foundation
import Testing

@testable import Workflow

/// Reading report inputs: results.json, journal.jsonl (torn last line included), folders, garbage.
@Suite("Results loader")
struct ResultsLoaderTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("results-loader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The journal lines of `results`: header, steps, footer (when it ended).
    static func journal(_ results: RunResults, footer: Bool = true) throws -> [String] {
        let encoder = JSONEncoder.runbook
        var records: [JournalRecord] = [
            .run(
                RunHeader(
                    runId: results.runId, command: results.command, runbook: results.runbook, startedAt: results.startedAt,
                    learners: results.learners.map { .init(id: $0.id, name: $0.name) }, steps: results.steps))
        ]
        for learner in results.learners { records += learner.steps.map(JournalRecord.step) }
        if footer, let end = results.endedAt { records.append(.end(RunFooter(endedAt: end, interrupted: results.interrupted))) }
        return try records.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
    }

    @Test func readsResultsJSON() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("results.json").path
        try ReportFixture.results().write(to: path)
        let loaded = try ResultsLoader.load(path: path)
        #expect(loaded.learners.map(\.id) == ["alice", "bob"])
        #expect(try ResultsLoader.load(path: dir.path).runId == loaded.runId, "a results folder works too")
    }

    @Test func recoversACrashedRunFromItsJournalWithATornLastLine() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var lines = try Self.journal(ReportFixture.results(), footer: false)
        let torn = String(lines.removeLast().prefix(40))
        let path = dir.appendingPathComponent("journal.jsonl").path
        try (lines.joined(separator: "\n") + "\n" + torn).write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = try ResultsLoader.load(path: path)
        #expect(loaded.endedAt == nil)
        #expect(loaded.learners[0].steps.count == 7)
        #expect(loaded.learners[1].steps.count == 6, "the torn record is dropped")
        let markdown = MarkdownReporter(results: loaded).render()
        #expect(markdown.contains("**Incomplete:**"))
        #expect(markdown.contains("| ⊘ | ○ | · | 1/7 |"))
    }

    @Test func handsAndSeqKeysOfAClassBoardStoreAreNotResults() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var lines = try Self.journal(ReportFixture.results())
        let hand = try JSONEncoder.runbook.encode(JournalRecord.hand(HandRecord(learner: "alice", step: "run", raisedAt: Date())))
        lines.insert(String(decoding: hand, as: UTF8.self), at: 2)
        // The board's store adds "seq" to each line; readers ignore it.
        lines = lines.enumerated().map { "{\"seq\":\($0.offset + 1)," + $0.element.dropFirst() }
        let path = dir.appendingPathComponent("alice.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = try ResultsLoader.load(path: path)
        let expected = ReportFixture.results()
        #expect(loaded.learners.map(\.steps.count) == expected.learners.map(\.steps.count))
        #expect(loaded.learners.flatMap(\.steps).map(\.status) == expected.learners.flatMap(\.steps).map(\.status))
    }

    @Test func aJournalNamedOtherwiseIsRecognisedByItsContent() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("copy.log").path
        try (Self.journal(ReportFixture.results()).joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try ResultsLoader.load(path: path).learners.count == 2)
    }

    @Test func unreadableInputsSayWhy() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("nope.json").path
        #expect(throws: ResultsLoadError(path: missing, reason: "no such file")) { try ResultsLoader.load(path: missing) }
        let garbage = dir.appendingPathComponent("garbage.json").path
        try "hello".write(toFile: garbage, atomically: true, encoding: .utf8)
        #expect(throws: ResultsLoadError(path: garbage, reason: "not a results.json or journal.jsonl (not JSON)")) {
            try ResultsLoader.load(path: garbage)
        }
        let other = dir.appendingPathComponent("other.json").path
        try #"{"name": "package.json"}"#.write(toFile: other, atomically: true, encoding: .utf8)
        #expect(throws: ResultsLoadError.self) { try ResultsLoader.load(path: other) }
        let future = dir.appendingPathComponent("future.json").path
        try #"{"schema": "runbook-results/9"}"#.write(toFile: future, atomically: true, encoding: .utf8)
        #expect(
            throws: ResultsLoadError(
                path: future, reason: "results schema runbook-results/9 is not supported; this runbook reads runbook-results/1")
        ) {
            try ResultsLoader.load(path: future)
        }
        let empty = dir.appendingPathComponent("journal.jsonl").path
        try "".write(toFile: empty, atomically: true, encoding: .utf8)
        #expect(throws: ResultsLoadError.self) { try ResultsLoader.load(path: empty) }
    }
}
