import Board
import Foundation
import Workflow

/// What `check` takes as evidence besides the probes (SPEC 6.11): the guide's state on this
/// machine, `--journal PATH…` and `--board URL`; and how long its waits may be (`--wait`).
public struct CheckEvidence: Sendable {
    /// `--journal`: results folders, journal.jsonl files, board store folders.
    public var journals: [String] = []
    /// `--board`: the board URL with the instructor's token.
    public var board: String?
    /// `--wait`; nil for `--wait full`.
    public var wait: Duration? = .seconds(5)

    /// Evidence from `journals` and `board`, with waits bounded by `wait`.
    public init(journals: [String] = [], board: String? = nil, wait: Duration? = .seconds(5)) {
        self.journals = journals
        self.board = board
        self.wait = wait
    }

    /// Every source's evidence for `learners` of `runbook`; an unreadable source ends the command (exit 2).
    func gather(runbook: Runbook, learners: [Learner]) async throws(CommandFailure) -> JournalEvidence {
        let reader = EvidenceReader(sha256: runbook.sha256, learners: learners.map(\.id))
        var evidence = JournalEvidence()
        reader.guideStates(root: StatePaths.root(), into: &evidence)
        for path in journals {
            do { try reader.read(path: path, into: &evidence) } catch { throw .usage("--journal \(error.description)") }
        }
        if let board {
            let lines: Data
            do { lines = try await BoardJournals.fetch(board) } catch { throw .usage("--board: \(error.description)") }
            do {
                try reader.read(lines: lines, named: "the board's journals", into: &evidence)
            } catch {
                throw .usage("--board: \(error.description)")
            }
        }
        return evidence
    }
}
