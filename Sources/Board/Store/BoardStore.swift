import Foundation
import Workflow

/// The class board's state and its store folder (SPEC 7): one journal per learner, each line a
/// record with its `seq`. Every batch is checked whole, then appended and fsynced before it is
/// acknowledged; each record is stored exactly once (a retried seq must carry the same record).
/// Opening the store replays every journal, so a restarted board shows exactly what it showed.
public actor BoardStore {
    /// What is served.
    public nonisolated let configuration: BoardConfiguration
    /// Where the board's changes go.
    public nonisolated let broadcaster: EventBroadcaster
    private nonisolated let validator: BatchValidator
    private nonisolated let turnstile = LargeBatchTurnstile(threshold: 64 << 10)
    private nonisolated let rosterIds: Set<String>?
    private var learners: [String: LearnerState] = [:]
    private var stuck: [String: String] = [:]
    /// Learners behind the room's median on their current step (`--timings`), and why.
    private var behind: [String: String] = [:]
    private var gate = LearnerGate()

    /// Opens (or creates) the store and replays its journals; an unreadable journal is an error naming its line.
    public init(configuration: BoardConfiguration, broadcaster: EventBroadcaster) throws(BoardStoreError) {
        self.configuration = configuration
        self.broadcaster = broadcaster
        validator = BatchValidator(
            runbookSHA: configuration.runbook.sha256, stepIds: Set(configuration.steps.map(\.id)),
            caps: RecordCaps(characters: configuration.limits.fieldCharacters))
        rosterIds = configuration.roster.map { Set($0.map(\.id)) }
        let directory = configuration.storeDirectory
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw BoardStoreError(path: directory, message: "cannot create the store: \(error.localizedDescription)")
        }
        var learners: [String: LearnerState] = [:]
        for id in Set(Self.journalIds(in: directory) + RefusedRangeFile.ids(in: directory)) {
            let state = try Self.replay(id, in: directory)
            if state.acked > 0 { learners[id] = state }
        }
        self.learners = learners
        let now = Date()
        for (id, state) in learners {
            stuck[id] = state.stuckReason(
                steps: configuration.steps.map(\.id), stuckAfter: configuration.stuckAfter, now: now, timings: configuration.timings)
        }
    }

    /// True when `learner` may join and push: on the roster, or any valid id without one.
    public nonisolated func admits(_ learner: String) -> Bool {
        LearnerId.isValid(learner) && (rosterIds?.contains(learner) ?? true)
    }

    /// Why `learner` may not join now (the class is full), nil when they may; `admits` comes first.
    public func refusal(for learner: String) -> String? {
        guard rosterIds == nil, learners[learner] == nil, learners.count >= configuration.limits.maxLearners else { return nil }
        return "the board takes at most \(configuration.limits.maxLearners) learners without a roster"
    }

    /// The highest contiguous seq stored for `learner` (0 when none).
    public func acked(for learner: String) -> Int {
        learners[learner]?.acked ?? 0
    }

    /// Checks the batch `body` (JSON lines) of `learner`, stores what is new, and returns the
    /// highest contiguous seq stored (and the ranges refused as another runbook version); nothing
    /// of a batch refused with an error is stored.
    public nonisolated func push(_ body: [UInt8], learner: String) async throws(BatchRejection) -> PushReceipt {
        let validator = validator
        let lines = try await turnstile.pass(size: body.count) { () throws(BatchRejection) in
            try validator.validate(body, learner: learner)
        }
        return try await store(lines, learner: learner)
    }

    private func store(_ lines: [StoredLine], learner: String) async throws(BatchRejection) -> PushReceipt {
        await withCheckedContinuation { continuation in
            if gate.enter(learner, or: continuation) { continuation.resume() }
        }
        defer { gate.leave(learner)?.resume() }
        if let refusal = refusal(for: learner) { throw BatchRejection(.invalid, refusal) }
        var state = learners[learner] ?? LearnerState(id: learner)
        let plan = try BatchPlan.make(lines, state: state)
        guard !plan.items.isEmpty else { return PushReceipt(acked: state.acked, refused: plan.answered.isEmpty ? nil : plan.answered) }
        let directory = configuration.storeDirectory
        let file = Self.file(learner, in: directory)
        let tombstones = RefusedRangeFile(learner, in: directory)
        var offset = 0
        do {
            // Off the actor: other learners' batches go on meanwhile; this learner's wait at the gate.
            // Tombstones first: a crash between the two writes leaves a range the next replay ignores.
            offset = try await BlockingIO.run { [plan] () throws(BoardStoreError) -> Int in
                if !plan.refused.isEmpty { try tombstones.append(plan.refused) }
                return plan.kept.isEmpty ? 0 : try file.append(plan.kept)
            }
        } catch {
            throw BatchRejection(.storage, error.description)
        }
        for item in plan.items {
            switch item {
            case .kept(let line):
                state.apply(line, offset: offset)
                offset += line.bytes.count + 1
            case .refused(let index):
                let range = plan.refused[index]
                if state.acked < range.from { state.apply(range) }
            }
        }
        learners[learner] = state
        stuck[learner] = state.stuckReason(
            steps: configuration.steps.map(\.id), stuckAfter: configuration.stuckAfter, now: Date(), timings: configuration.timings)
        behind[learner] = state.behind(timings: configuration.timings, now: Date())
        publish(learner)
        return PushReceipt(acked: state.acked, refused: plan.answered.isEmpty ? nil : plan.answered)
    }

    /// Looks for learners who became stuck (or unstuck) by the clock alone, and publishes their rows.
    public func refreshStuck(now: Date = Date()) {
        let steps = configuration.steps.map(\.id)
        for (id, state) in learners {
            let reason = state.stuckReason(steps: steps, stuckAfter: configuration.stuckAfter, now: now, timings: configuration.timings)
            let late = state.behind(timings: configuration.timings, now: now)
            guard reason != stuck[id] || late != behind[id] else { continue }
            stuck[id] = reason
            behind[id] = late
            publish(id)
        }
    }

    /// The whole board.
    public func matrix() -> MatrixDocument {
        let rows = rowIds.map(row)
        let steps = configuration.steps.map { step in
            MatrixStep(
                id: step.id, title: step.title, hint: step.hint, passed: rows.filter { $0.steps[step.id]?.status == .passed }.count,
                medianSeconds: configuration.timings[step.id]?.medianSeconds,
                environment: configuration.environmentSteps.contains(step.id) ? true : nil)
        }
        return MatrixDocument(
            runbook: configuration.runbook, stuckAfterSeconds: configuration.stuckAfter, event: broadcaster.currentId, steps: steps,
            learners: rows)
    }

    /// What the cell of `learner` × `step` opens; nil when it has no result.
    public func detail(learner: String, step: String) -> CellDetail? {
        guard let cell = learners[learner]?.cells[step],
            let result = Self.file(learner, in: configuration.storeDirectory).record(offset: cell.offset, length: cell.length)?.step
        else { return nil }
        let output = result.excerpts.map { ExcerptText.last(40, of: $0.output) } ?? ""
        return CellDetail(
            learner: learner, step: step, status: result.status, title: result.title, command: result.command?.display,
            hint: result.hint, explanation: FailureText.plain(result, commandAndHint: false), output: output,
            hints: result.hints, hintsShown: cell.hintsShown)
    }

    /// The rows' ids: the roster's learners in roster order, then the others by the start of their
    /// first run (then id): an order a restarted board finds again, whatever order pushes arrived in.
    private var rowIds: [String] {
        let rostered = configuration.roster?.map(\.id) ?? []
        let others = learners.values.filter { rosterIds?.contains($0.id) != true }.sorted { lhs, rhs in
            let left = lhs.firstStarted ?? .distantFuture
            let right = rhs.firstStarted ?? .distantFuture
            return left != right ? left < right : lhs.id < rhs.id
        }
        return rostered + others.map(\.id)
    }

    /// The row of `id` (empty for a roster learner who has not reported).
    private func row(_ id: String) -> MatrixRow {
        guard let state = learners[id] else {
            let name = configuration.roster?.first { $0.id == id }?.name
            return MatrixRow(id: id, name: name, stuck: nil, hand: nil, passed: 0, lastProgressAt: nil, steps: [:])
        }
        let cells = state.cells.mapValues { cell in
            MatrixCell(
                status: cell.status, reason: cell.reason, title: cell.title, attempts: cell.attempts, endedAt: cell.endedAt,
                hintsShown: cell.hintsShown > 0 ? cell.hintsShown : nil, undone: cell.undone ? true : nil,
                environment: cell.environment ? true : nil)
        }
        // Facts of the machine are not the learner's work (SPEC 6.11): they stay out of passed.
        let counted = cells.filter { step, cell in
            cell.status == .passed && cell.environment != true && !configuration.environmentSteps.contains(step)
        }
        let name = state.name ?? configuration.roster?.first { $0.id == id }?.name
        return MatrixRow(
            id: id, name: name, stuck: stuck[id], hand: state.hand, passed: counted.count,
            lastProgressAt: state.lastProgress, steps: cells, behind: stuck[id] == nil ? behind[id] : nil)
    }

    private func publish(_ id: String) {
        guard let data = try? JSONEncoder.runbook.encode(row(id)) else { return }
        broadcaster.publish(.learner, data: String(decoding: data, as: UTF8.self))
    }

    /// The ids of the journals in `directory` (`ID.jsonl`).
    nonisolated static func journalIds(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".jsonl") }.map { String($0.dropLast(6)) }.filter(LearnerId.isValid).sorted()
    }

    /// Learner `id` as stored: their journal and refused ranges, folded in seq order. A range that
    /// does not follow on (its batch's journal lines were never written) is left out.
    private static func replay(_ id: String, in directory: String) throws(BoardStoreError) -> LearnerState {
        var state = LearnerState(id: id)
        let all = RefusedRangeFile(id, in: directory).read()
        var ranges = all[...]
        func rangesBefore(_ seq: Int) {
            while let range = ranges.first, range.from < seq {
                state.apply(range)
                ranges.removeFirst()
            }
        }
        let file = file(id, in: directory)
        if FileManager.default.fileExists(atPath: file.path) {
            let refused = { (seq: Int) in all.contains { ($0.from...$0.to).contains(seq) } }
            try file.read(skipping: refused) { line, offset in
                rangesBefore(line.seq)
                state.apply(line, offset: offset)
            }
        }
        rangesBefore(Int.max)
        return state
    }

    /// The journal of learner `id`.
    nonisolated static func file(_ id: String, in directory: String) -> LearnerJournalFile {
        LearnerJournalFile(path: (directory as NSString).appendingPathComponent("\(id).jsonl"))
    }
}
