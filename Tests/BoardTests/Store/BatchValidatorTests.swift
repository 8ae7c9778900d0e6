import Foundation
import Testing
import Workflow

@testable import Board

/// A batch is checked whole before anything is stored: each line a record with its seq, of the
/// token's learner, on the served runbook, for its steps, with seqs one after the other.
@Suite("Board batch validation")
struct BatchValidatorTests {
    let validator = BatchValidator(
        runbookSHA: BoardFixture.sha, stepIds: Set(BoardFixture.steps.map(\.id)), caps: RecordCaps(characters: 256))

    @Test func aWellFormedBatchComesBackAsCanonicalLines() throws {
        let records = [
            BoardFixture.header("alice"), BoardFixture.step("alice", "build", .passed), BoardFixture.hand("alice", "run", after: 20),
            BoardFixture.shown("alice", "run", after: 21),
        ]
        let lines = try validator.validate(BoardFixture.body(records), learner: "alice")
        #expect(lines.map(\.seq) == [1, 2, 3, 4])
        #expect(lines.map(\.record.type) == [.run, .step, .hand, .start])
        let again = try validator.validate(BoardFixture.body(records), learner: "alice")
        #expect(lines.map(\.digest) == again.map(\.digest), "the same record has the same digest")
        #expect(Set(lines.map(\.digest)).count == 4)
    }

    /// Each hostile body, and the line the refusal names.
    static let hostile: [(name: String, body: [UInt8], line: Int?)] = [
        ("another learner's step", BoardFixture.body([BoardFixture.step("bob", "build", .passed)]), 1),
        (
            "a run record for two learners",
            BoardFixture.body([
                .run(
                    RunHeader(
                        runId: "r-1", command: "run", runbook: BoardFixture.runbook, startedAt: BoardFixture.start,
                        learners: [.init(id: "alice", name: nil), .init(id: "bob", name: nil)], steps: BoardFixture.steps))
            ]), 1
        ),
        ("a step shown to another learner", BoardFixture.body([BoardFixture.shown("bob", "run", after: 1)]), 1),
        ("a record type the board does not know", Array("{\"seq\":1,\"type\":\"future\",\"future\":{}}\n".utf8), 1),
        ("a malformed line", Array("{\"seq\":1,\"type\":\"step\"\n".utf8), 1),
        ("not JSON", Array("hello\n".utf8), 1),
        ("no seq", Array(try! JSONEncoder.runbook.encode(BoardFixture.step("alice", "build", .passed))) + [0x0A], 1),
        ("seq 0", Array("{\"seq\":0,\"type\":\"end\",\"end\":{\"endedAt\":\"2027-01-15T08:00:00.000Z\",\"interrupted\":false}}\n".utf8), 1),
        (
            "a type without its payload",
            Array("{\"seq\":1,\"type\":\"step\",\"end\":{\"endedAt\":\"2027-01-15T08:00:00.000Z\",\"interrupted\":false}}\n".utf8), 1
        ),
        (
            "seqs with a gap",
            BoardFixture.body([BoardFixture.header("alice")]) + BoardFixture.body([BoardFixture.step("alice", "run", .passed)], from: 3), 2
        ),
        ("an empty body", [], nil),
    ]

    @Test(arguments: 0..<hostile.count)
    func hostileBatchesAreRefusedNamingTheLine(index: Int) {
        let entry = Self.hostile[index]
        #expect(throws: BatchRejection.self, "\(entry.name)") { try validator.validate(entry.body, learner: "alice") }
        do {
            _ = try validator.validate(entry.body, learner: "alice")
        } catch {
            #expect(error.kind == .invalid, "\(entry.name)")
            #expect(error.line == entry.line, "\(entry.name): \(error)")
        }
    }

    @Test func recordsOfAnotherRunbookVersionAreMarkedForTheStoreToDecide() throws {
        let body = BoardFixture.body([
            BoardFixture.header("alice", sha: String(repeating: "cd", count: 32)), BoardFixture.step("alice", "deploy", .passed),
            BoardFixture.hand("alice", "nope", after: 1), BoardFixture.step("alice", "build", .passed),
        ])
        let lines = try validator.validate(body, learner: "alice")
        #expect(lines[0].otherVersion?.hasPrefix("runbook sha256 cdcdcdcdcdcd… is not the served one") == true)
        #expect(lines[1].otherVersion == "no step deploy in the served runbook")
        #expect(lines[2].otherVersion == "no step nope in the served runbook")
        #expect(lines[3].otherVersion == nil)
    }

    @Test func namesTitlesHintsAndCommandsAreCutWhenStored() throws {
        let huge = String(repeating: "é", count: 900_000)
        var step = BoardFixture.step("alice", "build", .failed)
        step.step?.title = huge
        step.step?.hint = huge
        step.step?.reason = huge
        step.step?.command = CommandRecord(key: "sh", argv: ["sh", "-c", huge], display: huge, binary: huge)
        let combining = "e" + String(repeating: "\u{301}", count: 100_000)
        let lines = try validator.validate(BoardFixture.body([BoardFixture.header("alice", name: combining), step]), learner: "alice")
        let name = try #require(lines[0].record.run?.learners.first?.name)
        #expect(name.unicodeScalars.count == 256 && name.hasSuffix("…"), "one character of 100,001 scalars is cut too")
        let result = try #require(lines[1].record.step)
        for text in [result.title, result.hint, result.command?.display, result.command?.binary] {
            #expect(text?.unicodeScalars.count == 256)
        }
        #expect(result.reason?.unicodeScalars.count == 1_024)
        #expect(result.command?.argv.map(\.unicodeScalars.count).reduce(0, +) ?? 0 <= 257)
        #expect(lines[1].bytes.count < 8 << 10, "the stored line is a few KB, not 9 MB: \(lines[1].bytes.count)")
    }

    @Test func blankLinesAndCarriageReturnsAreTolerated() throws {
        var body = BoardFixture.body([BoardFixture.header("alice")])
        body.insert(0x0D, at: body.count - 1)
        body += Array("\n  \n".utf8) + BoardFixture.body([BoardFixture.step("alice", "build", .passed)], from: 2)
        #expect(try validator.validate(body, learner: "alice").map(\.seq) == [1, 2])
    }
}
