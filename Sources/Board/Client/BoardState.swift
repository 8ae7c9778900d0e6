import Foundation

/// Where a learner stands with the class board, as the guide's status line shows it (SPEC 7.1).
public enum BoardState: Sendable, Equatable {
    /// The board has not answered yet.
    case connecting
    /// The board took the learner's join; `waiting` records are not delivered yet.
    case joined(learner: String, waiting: Int)
    /// The board does not answer (refused connection, no such host, no reply) since `since`;
    /// `waiting` records wait in the outbox.
    case unreachable(since: Date, waiting: Int)
    /// The board refuses the learner, or their run, for good: why, and what to do.
    case refused(String)

    /// True once the board has said something (joined or refused), or failed to.
    public var isSettled: Bool { self != .connecting }

    /// The state in a few words: `joined as ada`, `3 records waiting, board unreachable since 10:42:05`,
    /// `refused: wrong class code`.
    public var summary: String {
        switch self {
        case .connecting:
            return "connecting…"
        case .joined(let learner, let waiting):
            return "joined as \(learner)" + (waiting > 0 ? "; \(Self.records(waiting)) waiting" : "")
        case .unreachable(let since, let waiting):
            let time = since.formatted(date: .omitted, time: .standard)
            return (waiting > 0 ? "\(Self.records(waiting)) waiting, " : "") + "board unreachable since \(time)"
        case .refused(let why):
            return "refused: \(why)"
        }
    }

    /// `1 record`, `N records`.
    static func records(_ count: Int) -> String { count == 1 ? "1 record" : "\(count) records" }
}
