/// What the store does with a validated batch of one learner, given what it holds of them: the
/// seqs it holds already must be the same records (a retry), the others must follow on; a run
/// record of another runbook version starts a refused range that runs up to the learner's next
/// run record (SPEC 7.1), kept as a tombstone; every other record is appended to the journal.
struct BatchPlan: Sendable {
    /// One new line, in seq order: to the journal, or refused.
    enum Item: Sendable {
        /// Appended to the journal.
        case kept(StoredLine)
        /// Part of the refused range at this index of `refused`.
        case refused(Int)
    }

    /// The new lines in seq order.
    var items: [Item] = []
    /// The new lines to append to the journal, in order.
    var kept: [StoredLine] = []
    /// The new refused ranges, in order.
    var refused: [RefusedRange] = []
    /// The refused ranges the batch touched: the new ones, and the latest stored one when the batch retried it.
    var answered: [RefusedRange] = []

    /// The plan of `lines` (checked and numbered by `BatchValidator`) for a learner in `state`.
    static func make(_ lines: [StoredLine], state: LearnerState) throws(BatchRejection) -> BatchPlan {
        var plan = BatchPlan()
        var retriedRefusal: RefusedRange?
        var refusing = state.refusing?.reason
        var next = state.acked + 1
        for (index, line) in lines.enumerated() {
            if line.seq < next && line.seq <= state.acked {
                if let expected = state.digests.digest(of: line.seq), expected != line.digest {
                    let message = "seq \(line.seq) is stored already with another record"
                    throw BatchRejection(.conflict, message, line: index + 1, acked: state.acked)
                }
                if let range = state.lastRefused, (range.from...range.to).contains(line.seq) { retriedRefusal = range }
                continue
            }
            guard line.seq == next else {
                throw BatchRejection(.conflict, "seq \(line.seq) leaves a gap after \(state.acked)", line: index + 1, acked: state.acked)
            }
            next += 1
            if line.record.type == .run { refusing = line.otherVersion }
            if let reason = refusing {
                if line.record.type == .run || plan.refused.last?.to != line.seq - 1 {
                    plan.refused.append(RefusedRange(from: line.seq, to: line.seq, reason: reason))
                } else {
                    plan.refused[plan.refused.count - 1].to = line.seq
                }
                plan.items.append(.refused(plan.refused.count - 1))
                continue
            }
            if let problem = line.otherVersion { throw BatchRejection(.invalid, problem, line: index + 1) }
            if state.journalLines == 0 && plan.kept.isEmpty && line.record.type != .run {
                throw BatchRejection(.invalid, "a learner's journal starts with its run record", line: index + 1)
            }
            plan.kept.append(line)
            plan.items.append(.kept(line))
        }
        plan.answered = plan.refused
        if let retriedRefusal, !plan.answered.contains(retriedRefusal) { plan.answered.insert(retriedRefusal, at: 0) }
        return plan
    }
}
