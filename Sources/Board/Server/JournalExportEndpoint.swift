import Foundation
import Hummingbird
import Workflow

/// `GET /api/v1/journals` (the instructor's token): every learner's stored journal, one record a
/// line, as `runbook check --board URL` reads it for evidence of what learners did (SPEC 6.11).
/// Read-only: each store file as it is, up to its last complete line.
struct JournalExportEndpoint {
    /// The board.
    let store: BoardStore

    /// The journals, learner after learner (the instructor's token is checked by `InstructorRoutes`' middleware).
    func journals() -> Response {
        let directory = store.configuration.storeDirectory
        var body = Data()
        for id in BoardStore.journalIds(in: directory) {
            guard let data = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent("\(id).jsonl")),
                let end = data.lastIndex(of: 0x0A)
            else { continue }
            body.append(data[...end])
        }
        return BoardResponse.text(String(decoding: body, as: UTF8.self), type: "application/x-ndjson")
    }
}
