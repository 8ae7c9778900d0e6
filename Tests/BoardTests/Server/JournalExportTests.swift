import Board
import Foundation
import Testing
import Workflow

/// `GET /api/v1/journals` for `runbook check --board URL` (issue 17): the learners' stored
/// journals, the instructor's token only; read back as evidence by `BoardJournals` and `EvidenceReader`.
@Suite("The board's journals for check")
struct JournalExportTests {
    @Test func storedJournalsAreServedToTheInstructorAndReadAsEvidence() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await RunningBoard.with(BoardFixture.configuration(store: directory)) { board in
            for learner in ["alice", "bob"] {
                let status: StepStatus = learner == "alice" ? .passed : .failed
                let body = BoardFixture.body([BoardFixture.header(learner), BoardFixture.step(learner, "build", status)])
                #expect(try await BoardHTTP.push(board.origin, token: board.server.learnerToken(learner), body: body).status == 200)
            }
            #expect(try await BoardHTTP.get("\(board.origin)/api/v1/journals").status == 401)
            let learnerToken = board.server.learnerToken("alice")
            let asLearner = try await BoardHTTP.get("\(board.origin)/api/v1/journals", headers: ["Authorization": "Bearer \(learnerToken)"])
            #expect(asLearner.status == 401)
            let lines = try await BoardJournals.fetch("\(board.origin)/?token=\(board.token)")
            #expect(String(decoding: lines, as: UTF8.self).split(separator: "\n").count == 4)
            var evidence = JournalEvidence()
            try EvidenceReader(sha256: BoardFixture.sha, learners: ["alice", "bob"]).read(lines: lines, named: "board", into: &evidence)
            #expect(evidence.passes == ["alice": ["build": "guide"]])
            await #expect(throws: BoardJournals.Failure.self) { try await BoardJournals.fetch("\(board.origin)/?token=nope") }
        }
    }
}
