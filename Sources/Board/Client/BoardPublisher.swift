import AsyncHTTPClient
import Foundation
import Synchronization
import Workflow

/// The learner's side of the class board (SPEC 7): a journal tap that appends every record to
/// the learner's outbox for the board (`$XDG_STATE_HOME/runbook/outbox/BOARD/LEARNER/`, one
/// write each, so that they outlive the process) and pushes the outboxes in the background.
///
/// A run of several learners is split into one stream per learner: each gets the run record
/// with only themselves in it, their own records, and the end record.
///
/// Sequence numbers: an outbox numbers its records only once the board first answered a join,
/// after the highest seq the board already holds of that learner (the join answers it). So a
/// learner whose outbox is new (another machine, a wiped state folder) goes on after what the
/// board has instead of colliding with it; records stored but not acknowledged (the server died
/// first) come again with the same seq and content, and the board keeps them once; a seq the
/// board holds with other content (two machines as one learner) is answered 409 and the outbox
/// renumbers what it has not delivered after the board's.
public final class BoardPublisher: JournalTap {
    /// The board.
    public let url: JoinURL
    private let pushers: [String: LearnerPusher]
    private let timing: PushTiming
    private let finishing = FinishSignal()
    private let started = Mutex<[String]>([])

    /// Outboxes for `learners` on the board of `url`, under `stateHome` (default `$XDG_STATE_HOME`, else ~/.local/state),
    /// pushed through `http` (default: `BoardHTTPClient`'s for the URL).
    public init(
        url: JoinURL, learners: [String], stateHome: String? = nil, http: HTTPClient? = nil, timing: PushTiming = PushTiming()
    ) throws {
        self.url = url
        self.timing = timing
        let root = ((stateHome ?? Self.defaultStateHome) as NSString).appendingPathComponent("runbook/outbox/\(url.key)")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let board = URL(fileURLWithPath: (root as NSString).appendingPathComponent("board"))
        try Data((url.description + "\n").utf8).write(to: board, options: .atomic)
        let client = BoardClient(url: url, http: http ?? BoardHTTPClient.client(for: url), timeout: timing.requestTimeout)
        var pushers: [String: LearnerPusher] = [:]
        for learner in learners where LearnerId.isValid(learner) {
            let outbox = try Outbox(directory: (root as NSString).appendingPathComponent(learner))
            pushers[learner] = LearnerPusher(learner: learner, outbox: outbox, client: client, timing: timing)
        }
        self.pushers = pushers
    }

    /// `$XDG_STATE_HOME`, else `~/.local/state`.
    public static var defaultStateHome: String {
        if let home = ProcessInfo.processInfo.environment["XDG_STATE_HOME"], !home.isEmpty { return home }
        return (NSHomeDirectory() as NSString).appendingPathComponent(".local/state")
    }

    /// Appends `record` to the outbox of the learner it belongs to (each learner of a run record,
    /// filtered to them; every learner of the run for its end) and wakes their pusher.
    public func journaled(_ record: JournalRecord) {
        switch record.type {
        case .run:
            guard let header = record.run else { return }
            for learner in header.learners where pushers[learner.id] != nil {
                var own = header
                own.learners = [learner]
                started.withLock { if !$0.contains(learner.id) { $0.append(learner.id) } }
                append(.run(own), to: learner.id)
            }
        case .learner: if let value = record.learner { append(record, to: value.learner) }
        case .preflight: if let value = record.preflight { append(record, to: value.learner) }
        case .step: if let value = record.step { append(record, to: value.learner) }
        case .cleanup: if let value = record.cleanup { append(record, to: value.learner) }
        case .hand: if let value = record.hand { append(record, to: value.learner) }
        case .start: if let value = record.start { append(record, to: value.learner) }
        case .unknown: break
        case .end: for learner in started.withLock({ $0 }) { append(record, to: learner) }
        }
    }

    private func append(_ record: JournalRecord, to learner: String) {
        guard let pusher = pushers[learner] else { return }
        let encoder = JSONEncoder.runbook
        encoder.outputFormatting = [.withoutEscapingSlashes]
        guard var data = try? encoder.encode(record) else { return }
        if data.count > RecordTrimmer.threshold, let smaller = try? encoder.encode(RecordTrimmer.trimmed(record)) { data = smaller }
        pusher.outbox.append(Array(data))
        pusher.records.ring()
    }

    /// Runs `body` while the outboxes are pushed in the background (what earlier commands left
    /// first); then tries to flush them for up to `PushTiming.finishLimit` while the board accepts
    /// connections (at most `finishingUnreachable` when it does not), and returns `body`'s result.
    public func publishing<T>(_ body: () async throws -> T) async throws -> T {
        let pushers = Array(pushers.values)
        let finishing = finishing
        return try await withThrowingTaskGroup(of: Bool.self) { group in
            for pusher in pushers {
                group.addTask {
                    await pusher.run(finishing: finishing)
                    return false
                }
            }
            let outcome: Result<T, any Error>
            do {
                outcome = .success(try await body())
            } catch {
                outcome = .failure(error)
            }
            finishing.set()
            for pusher in pushers {
                pusher.records.ring()
                pusher.ending.ring()
            }
            let limit = timing.finishLimit
            let url = url
            let quick = timing.finishingUnreachable
            group.addTask {
                // Nothing listening there (refused, unresolvable, no route): give up within 1 s;
                // a board that accepts connections gets the whole limit (SPEC 7.1).
                if await !BoardProbe.accepts(url, within: quick) { return true }
                try? await Task.sleep(for: limit - quick)
                return true
            }
            var running = pushers.count
            while running > 0, let timedOut = try? await group.next() {
                if timedOut { break }
                running -= 1
            }
            group.cancelAll()
            return try outcome.get()
        }
    }

    /// Runs `body` under `publisher`'s `publishing`, or alone without one.
    public static func run<T>(_ publisher: BoardPublisher?, _ body: () async throws -> T) async throws -> T {
        guard let publisher else { return try await body() }
        return try await publisher.publishing(body)
    }

    /// `learner`'s board state now (`.connecting` for a learner this publisher does not push).
    public func state(of learner: String) -> BoardState {
        pushers[learner]?.status.current ?? .connecting
    }

    /// `learner`'s board state now, then each change (for the guide's status line).
    public func states(of learner: String) -> AsyncStream<BoardState> {
        guard let pusher = pushers[learner] else { return AsyncStream { $0.finish() } }
        return pusher.status.follow()
    }

    /// Waits, at most `limit`, for the board's first word on `learner` (joined, refused, or no answer); the state then.
    public func firstAnswer(of learner: String, within limit: Duration) async -> BoardState {
        await Self.first(of: states(of: learner), within: limit, where: \.isSettled) ?? state(of: learner)
    }

    /// Waits, at most `limit`, until everything `learner` journaled so far (a raised hand last) is on the board.
    public func delivery(of learner: String, within limit: Duration) async -> HandDelivery {
        guard let pusher = pushers[learner] else { return .waiting("no class board") }
        pusher.records.ring()
        let settled = await Self.first(of: pusher.status.follow(), within: limit) { state in
            switch state {
            case .joined: pusher.outbox.unsentCount == 0
            case .refused, .unreachable: true
            case .connecting: false
            }
        }
        switch settled ?? pusher.status.current {
        case .joined where pusher.outbox.unsentCount == 0: return .raised
        case .refused(let why): return .refused(why)
        case .unreachable(let since, _):
            return .waiting("the board does not answer (since \(since.formatted(date: .omitted, time: .standard)))")
        default: return .waiting("the board has not confirmed it yet")
        }
    }

    /// The first element of `stream` that satisfies `condition`, within `limit`; nil when none came.
    private static func first(
        of stream: AsyncStream<BoardState>, within limit: Duration, where condition: @escaping @Sendable (BoardState) -> Bool
    ) async -> BoardState? {
        await withTaskGroup(of: BoardState?.self) { group in
            group.addTask {
                for await state in stream where condition(state) { return state }
                return nil
            }
            group.addTask {
                try? await Task.sleep(for: limit)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    /// What to tell the learner once the command is done: refusals, and records not delivered yet.
    public var closingNotes: [String] {
        var notes = pushers.values.flatMap(\.warnings)
        let unsent = pushers.values.reduce(0) { $0 + $1.outbox.unsentCount }
        if unsent > 0 {
            let what = "\(unsent) record\(unsent == 1 ? " is" : "s are") not on the board yet"
            notes.append("\(what); the next command that joins \(url) sends them")
        }
        return notes
    }
}
