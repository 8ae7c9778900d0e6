import Foundation
import Synchronization

/// Pushes one learner's outbox to the board in the background: joins (which also says where
/// the numbering goes on), sends batches while records wait, and backs off while the board does
/// not answer. It never touches the learner's steps: they only append to the outbox.
final class LearnerPusher: Sendable {
    /// How the pusher's loop ended a round.
    enum Round: Equatable {
        /// Nothing left to push.
        case idle
        /// The board did not answer: try again later.
        case later
        /// The board refuses this learner for good (wrong code, not on the roster).
        case refused
    }

    /// The learner.
    let learner: String
    /// Their outbox for this board.
    let outbox: Outbox
    /// Rung by new records to push, and when the command ends.
    let records = Doorbell()
    /// Rung when the command ends, to cut a backoff short.
    let ending = Doorbell()
    private let client: BoardClient
    private let timing: PushTiming
    private let token = Mutex<String?>(nil)
    private let notes = Mutex<[String]>([])

    /// Creates the pusher of `learner`'s `outbox`.
    init(learner: String, outbox: Outbox, client: BoardClient, timing: PushTiming) {
        self.learner = learner
        self.outbox = outbox
        self.client = client
        self.timing = timing
    }

    /// What the board refused, for the learner to read once the command ends.
    var warnings: [String] { notes.withLock { $0 } }

    /// Pushes until cancelled; once `finishing` says so, until nothing is left (or cancelled).
    func run(finishing: FinishSignal) async {
        var backoff = timing.firstBackoff
        while !Task.isCancelled {
            switch await round() {
            case .idle:
                backoff = timing.firstBackoff
                if finishing.isSet { return }
                await records.wait()
            case .later:
                await ending.wait(atMost: finishing.isSet ? min(backoff, timing.finishingBackoff) : backoff)
                backoff = min(backoff * 2, timing.maxBackoff)
            case .refused:
                return
            }
        }
    }

    /// Joins when needed, then pushes batches until none is left or the board stops answering.
    func round() async -> Round {
        let token: String
        switch await currentToken() {
        case .success(let value): token = value
        case .failure(let end): return end.round
        }
        var conflicts = 0
        while !Task.isCancelled {
            guard let batch = outbox.pending(maxBytes: timing.batchBytes, maxLines: timing.batchLines) else { return .idle }
            switch await client.push(batch.body, token: token) {
            case .acked(let acked):
                conflicts = 0
                // The board may hold more than this batch (another machine of the same learner):
                // only what was sent is acknowledged; the next push sorts out the rest by digest.
                outbox.acknowledge(upTo: min(acked, batch.lastSeq))
                if acked < batch.firstSeq { return .later }
            case .conflict(let acked):
                conflicts += 1
                guard conflicts < 3 else { return .later }
                outbox.rebase(to: acked)
            case .invalid(let line, let message):
                let seq = batch.firstSeq + max(0, (line ?? 1) - 1)
                outbox.reject(seq: seq)
                note("the board refused a record of \(learner) (\(message)); it is kept in \(outbox.directory)/rejected.jsonl")
            case .tooLarge:
                outbox.reject(seq: batch.firstSeq)
                note("a record of \(learner) is too large for the board; it is kept in \(outbox.directory)/rejected.jsonl")
            case .unauthorized:
                self.token.withLock { $0 = nil }
                return .later
            case .unavailable:
                return .later
            }
        }
        return .later
    }

    /// The learner's token, joining first when there is none yet; else how the round ends.
    private func currentToken() async -> Result<String, RoundEnd> {
        if let token = token.withLock({ $0 }) { return .success(token) }
        switch await client.join(learner: learner) {
        case .success(let joined):
            outbox.adopt(boardAcked: joined.acked)
            token.withLock { $0 = joined.token }
            return .success(joined.token)
        case .failure(let error):
            switch error.answer {
            case .unauthorized(let message), .invalid(_, let message):
                note("the board at \(client.url) does not take learner \(learner): \(message)")
                return .failure(RoundEnd(round: .refused))
            default:
                return .failure(RoundEnd(round: .later))
            }
        }
    }

    /// A round that ended before pushing, as an error.
    struct RoundEnd: Error {
        /// How it ended.
        var round: Round
    }

    private func note(_ message: String) {
        notes.withLock { notes in
            if !notes.contains(message) { notes.append(message) }
        }
    }
}
