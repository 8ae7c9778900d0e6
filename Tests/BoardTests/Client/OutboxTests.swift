import Foundation
import Testing
import Workflow

@testable import Board

/// The learner's outbox: records kept on disk, numbered once the board answered, acknowledged,
/// renumbered after the board, refused ones set aside.
@Suite("Board outbox")
struct OutboxTests {
    static func line(_ text: String) -> [UInt8] { Array("{\"type\":\"end\",\"note\":\"\(text)\"}".utf8) }

    @Test func recordsWaitForTheBoardsNumberingThenGoOutInOrder() throws {
        let directory = try BoardFixture.temporaryDirectory("outbox")
        defer { try? FileManager.default.removeItem(at: directory) }
        let outbox = try Outbox(directory: directory.path)
        for text in ["a", "b", "c"] { #expect(outbox.append(Self.line(text))) }
        #expect(outbox.pending(maxBytes: 1 << 20, maxLines: 100) == nil, "not numbered before the board first answered")
        #expect(outbox.unsentCount == 3)
        outbox.adopt(boardAcked: 5)
        let batch = try #require(outbox.pending(maxBytes: 1 << 20, maxLines: 2))
        #expect(batch.firstSeq == 6)
        #expect(batch.lines == [Self.line("a"), Self.line("b")])
        #expect(
            String(decoding: batch.body, as: UTF8.self)
                == "{\"seq\":6,\"type\":\"end\",\"note\":\"a\"}\n{\"seq\":7,\"type\":\"end\",\"note\":\"b\"}\n")
        outbox.acknowledge(upTo: 7)
        #expect(outbox.pending(maxBytes: 1 << 20, maxLines: 100)?.firstSeq == 8)
        outbox.acknowledge(upTo: 8)
        #expect(outbox.pending(maxBytes: 1 << 20, maxLines: 100) == nil)
        #expect(outbox.unsentCount == 0)
        #expect(try Data(contentsOf: directory.appendingPathComponent("records.jsonl")).isEmpty, "emptied once all are acknowledged")
        outbox.append(Self.line("d"))
        #expect(outbox.pending(maxBytes: 1 << 20, maxLines: 100)?.firstSeq == 9, "numbering goes on")
    }

    @Test func anotherOutboxOfTheSameFolderSeesTheSameState() throws {
        let directory = try BoardFixture.temporaryDirectory("outbox")
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try Outbox(directory: directory.path)
        first.append(Self.line("a"))
        first.adopt(boardAcked: 0)
        let second = try Outbox(directory: directory.path)
        second.append(Self.line("b"))
        #expect(second.pending(maxBytes: 1 << 20, maxLines: 100)?.lines.count == 2, "a later command finds what an earlier one left")
        first.acknowledge(upTo: 1)
        #expect(second.pending(maxBytes: 1 << 20, maxLines: 100)?.firstSeq == 2)
    }

    @Test func rebasingRenumbersWhatIsNotDeliveredAfterTheBoards() throws {
        let directory = try BoardFixture.temporaryDirectory("outbox")
        defer { try? FileManager.default.removeItem(at: directory) }
        let outbox = try Outbox(directory: directory.path)
        for text in ["a", "b", "c"] { outbox.append(Self.line(text)) }
        outbox.adopt(boardAcked: 0)
        outbox.acknowledge(upTo: 1)
        outbox.rebase(to: 10)
        #expect(outbox.pending(maxBytes: 1 << 20, maxLines: 100)?.firstSeq == 11)
        #expect(outbox.pending(maxBytes: 1 << 20, maxLines: 100)?.lines == [Self.line("b"), Self.line("c")])
        outbox.adopt(boardAcked: 4)
        #expect(outbox.pending(maxBytes: 1 << 20, maxLines: 100)?.firstSeq == 5, "a board that holds less (a new store) is followed")
    }

    @Test func aRefusedRecordIsSetAsideAndTheNextOnesMoveUp() throws {
        let directory = try BoardFixture.temporaryDirectory("outbox")
        defer { try? FileManager.default.removeItem(at: directory) }
        let outbox = try Outbox(directory: directory.path)
        for text in ["a", "b", "c"] { outbox.append(Self.line(text)) }
        outbox.adopt(boardAcked: 0)
        #expect(outbox.reject(seq: 2) == 1)
        let batch = try #require(outbox.pending(maxBytes: 1 << 20, maxLines: 100))
        #expect(batch.firstSeq == 1)
        #expect(batch.lines == [Self.line("a"), Self.line("c")])
        let rejected = try String(contentsOf: directory.appendingPathComponent("rejected.jsonl"), encoding: .utf8)
        #expect(rejected == String(decoding: Self.line("b"), as: UTF8.self) + "\n")
    }

    @Test func aRefusedRunRecordTakesItsRecordsWithItUpToTheNextRun() throws {
        let directory = try BoardFixture.temporaryDirectory("outbox")
        defer { try? FileManager.default.removeItem(at: directory) }
        let outbox = try Outbox(directory: directory.path)
        let records = [
            BoardFixture.header("alice", sha: String(repeating: "cd", count: 32)), BoardFixture.step("alice", "build", .passed),
            BoardFixture.step("alice", "deploy", .passed), BoardFixture.header("alice"), BoardFixture.step("alice", "run", .passed),
        ]
        let lines = records.map { Array(try! JSONEncoder.runbook.encode($0)) }
        for line in lines { outbox.append(line) }
        outbox.adopt(boardAcked: 0)
        #expect(outbox.reject(seq: 1) == 3, "the refused run and its two steps")
        let batch = try #require(outbox.pending(maxBytes: 1 << 20, maxLines: 100))
        #expect(batch.lines == Array(lines[3...]), "the next run is sent, as seq 1")
        let rejected = try String(contentsOf: directory.appendingPathComponent("rejected.jsonl"), encoding: .utf8)
        #expect(rejected.split(separator: "\n").count == 3)
    }

    @Test func aBatchStopsAtItsByteLimitButTakesAtLeastOneLine() throws {
        let directory = try BoardFixture.temporaryDirectory("outbox")
        defer { try? FileManager.default.removeItem(at: directory) }
        let outbox = try Outbox(directory: directory.path)
        for text in ["aaaaaaaaaa", "b", "c"] { outbox.append(Self.line(text)) }
        outbox.adopt(boardAcked: 0)
        #expect(outbox.pending(maxBytes: 10, maxLines: 100)?.lines.count == 1)
        #expect(outbox.pending(maxBytes: 70, maxLines: 100)?.lines.count == 2)
    }

    @Test func largeRecordsAreTrimmedForTheBoard() throws {
        let output = (0..<20_000).map { "line \($0) of a long build log" }.joined(separator: "\n") + "\n"
        let excerpt = StreamExcerpt(
            head: String(output.prefix(64 << 10)), tail: String(output.suffix(64 << 10)), totalLines: 20_000,
            totalBytes: output.utf8.count)
        let record = JournalRecord.step(
            StepResult(
                learner: "alice", step: "build", status: .failed,
                excerpts: OutputExcerpts(stdout: excerpt, stderr: excerpt, output: excerpt)))
        #expect(try JSONEncoder.runbook.encode(record).count > RecordTrimmer.threshold)
        let trimmed = RecordTrimmer.trimmed(record)
        #expect(try JSONEncoder.runbook.encode(trimmed).count < RecordTrimmer.threshold)
        let kept = try #require(trimmed.step?.excerpts?.output)
        #expect(kept.totalLines == 20_000)
        #expect(kept.tail.hasSuffix("line 19999 of a long build log\n"))
        #expect(kept.head.hasPrefix("line 0 of"))
        #expect(kept.head.hasSuffix("\n") && kept.tail.hasPrefix("line "), "cut at line boundaries")
        #expect(kept.omittedLines > 0)
    }
}
