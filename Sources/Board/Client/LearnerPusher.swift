import Foundation
import Synchronization

/// Pushes one learner's outbox to the board in the background: joins (which also says where
/// the numbering goes on), sends batches while records wait, and backs off while the board does
/// not answer. It never touches the learner's steps: they only append to the outbox. It keeps the
/// learner's `BoardState` up to date, for the guide's status line (SPEC 7.1).
final class LearnerPusher: Sendable {
    /// How the pusher's loop ended a round.
    enum Round: Equatable {
        /// Nothing left to push.
        case idle
        /// The board answered "later" (a 5xx, a 429): try again later.
        case later
        /// The board did not answer at all.
        case unreachable
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
    /// The learner's board state.
    let status = BoardStatusCenter()
    private let client: BoardClient
    private let timing: PushTiming
    private let token = Mutex<String?>(nil)
    private let notes = Mutex<[String]>([])
    private let unreachableSince = Mutex<Date?>(nil)
    private let refusedConnection = Mutex(false)
    private let refusedRunbook = Mutex<String?>(nil)

    /// Creates the pusher of `learner`'s `outbox`.
    init(learner: String, outbox: Outbox, client: BoardClient, timing: PushTiming) {
        self.learner = learner
        self.outbox = outbox
        self.client = client
        self.timing = timing
    }

    /// What the board refused, for the learner to read once the command ends.
    var warnings: [String] { notes.withLock { $0 } }

    /// Pushes until cancelled; once `finishing` says so, until nothing is left, or (SPEC 7.1) for at
    /// most `finishingUnreachable` while the board does not answer at all (cancelled at `finishLimit`).
    func run(finishing: FinishSignal) async {
        var backoff = timing.firstBackoff
        var finishingSince: ContinuousClock.Instant?
        while !Task.isCancelled {
            if finishing.isSet, finishingSince == nil { finishingSince = .now }
            let round = await self.round(deadline: finishingSince.map { $0 + timing.finishingUnreachable })
            switch round {
            case .idle:
                backoff = timing.firstBackoff
                if finishing.isSet { return }
                await records.wait()
            case .later, .unreachable:
                if let since = finishingSince, round == .unreachable, ContinuousClock.now - since >= timing.finishingUnreachable { return }
                await ending.wait(atMost: finishing.isSet ? min(backoff, timing.finishingBackoff) : backoff)
                backoff = min(backoff * 2, timing.maxBackoff)
            case .refused:
                return
            }
        }
    }

    /// Joins when needed, then pushes batches until none is left or the board stops answering.
    /// While the command ends and the board has not answered, requests end by `deadline`.
    func round(deadline: ContinuousClock.Instant? = nil) async -> Round {
        let timeout = requestTimeout(deadline)
        let token: String
        switch await currentToken(timeout: timeout) {
        case .success(let value): token = value
        case .failure(let end): return end.round
        }
        var conflicts = 0
        while !Task.isCancelled {
            guard let batch = outbox.pending(maxBytes: timing.batchBytes, maxLines: timing.batchLines) else {
                answered()
                return .idle
            }
            switch await client.push(batch.body, token: token, timeout: requestTimeout(deadline)) {
            case .acked(let acked, let refused):
                conflicts = 0
                refuse(refused, of: batch)
                // The board may hold more than this batch (another machine of the same learner):
                // only what was sent is acknowledged; the next push sorts out the rest by digest.
                outbox.acknowledge(upTo: min(acked, batch.lastSeq))
                answered(refusal: refused.last { $0.to >= min(acked, batch.lastSeq) })
                if acked < batch.firstSeq { return .later }
            case .conflict(let acked):
                conflicts += 1
                guard conflicts < 3 else { return .later }
                outbox.rebase(to: acked)
            case .invalid(let line, let message):
                let seq = batch.firstSeq + max(0, (line ?? 1) - 1)
                let count = outbox.reject(seq: seq)
                let what = count > 1 ? "a run of \(learner) (\(count) records)" : "a record of \(learner)"
                note("the board refused \(what) (\(message)); it is kept in \(outbox.directory)/rejected.jsonl")
            case .tooLarge:
                outbox.reject(seq: batch.firstSeq)
                note("a record of \(learner) is too large for the board; it is kept in \(outbox.directory)/rejected.jsonl")
            case .unauthorized:
                self.token.withLock { $0 = nil }
                return .later
            case .unavailable:
                answered()
                return .later
            case .unreachable:
                unreachable(certain: true)
                return .unreachable
            case .silent:
                unreachable(certain: false)
                return .later
            }
        }
        return .later
    }

    /// The learner's token, joining first when there is none yet; else how the round ends.
    private func currentToken(timeout: Duration) async -> Result<String, RoundEnd> {
        if let token = token.withLock({ $0 }) { return .success(token) }
        switch await client.join(learner: learner, timeout: timeout) {
        case .success(let joined):
            outbox.adopt(boardAcked: joined.acked)
            token.withLock { $0 = joined.token }
            answered()
            return .success(joined.token)
        case .failure(let error):
            switch error.answer {
            case .unauthorized(let message), .invalid(_, let message):
                note("the board at \(client.url) does not take learner \(learner): \(message)")
                status.set(.refused(Self.advice(for: message, learner: learner)))
                return .failure(RoundEnd(round: .refused))
            case .unreachable:
                unreachable(certain: true)
                return .failure(RoundEnd(round: .unreachable))
            case .silent:
                unreachable(certain: false)
                return .failure(RoundEnd(round: .later))
            default:
                return .failure(RoundEnd(round: .later))
            }
        }
    }

    /// The records of `batch` in `refused` (runs of another runbook version, SPEC 7.1) are kept in
    /// `rejected.jsonl`, and the learner told once what to do.
    private func refuse(_ refused: [RefusedRange], of batch: OutboxBatch) {
        func line(_ seq: Int) -> [UInt8]? {
            batch.lines.indices.contains(seq - batch.firstSeq) ? batch.lines[seq - batch.firstSeq] : nil
        }
        for range in refused {
            outbox.keepRejected((range.from...range.to).compactMap(line))
            // Said once per refused run: where its run record was in this batch, or it was sent before.
            guard let first = line(range.from) else { continue }
            let path = Self.runbookPath(of: first)
            refusedRunbook.withLock { $0 = path }
            note(Self.versionAdvice(path: path, url: client.url, learner: learner, reason: range.reason))
        }
    }

    /// The board answered: the learner is joined, with what still waits (or refused, when the
    /// latest records are of another runbook version).
    private func answered(refusal: RefusedRange? = nil) {
        unreachableSince.withLock { $0 = nil }
        refusedConnection.withLock { $0 = false }
        if let refusal {
            let path = refusedRunbook.withLock { $0 }
            status.set(.refused(Self.versionAdvice(path: path, url: client.url, learner: learner, reason: refusal.reason)))
            return
        }
        if case .refused = status.current, outbox.unsentCount == 0 { return }
        status.set(.joined(learner: learner, waiting: outbox.unsentCount))
    }

    /// The board did not answer; `certain` when nobody listens there (not a timeout).
    private func unreachable(certain: Bool) {
        if certain { refusedConnection.withLock { $0 = true } }
        let since = unreachableSince.withLock { since in
            if since == nil { since = Date() }
            return since!
        }
        status.set(.unreachable(since: since, waiting: outbox.unsentCount))
    }

    /// How long a request may take: the usual limit, or, once the board was found not to answer at
    /// all, what is left before `deadline` (at least 200 ms).
    private func requestTimeout(_ deadline: ContinuousClock.Instant?) -> Duration {
        guard let deadline, refusedConnection.withLock({ $0 }) else { return timing.requestTimeout }
        return max(.milliseconds(200), min(timing.requestTimeout, deadline - .now))
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
