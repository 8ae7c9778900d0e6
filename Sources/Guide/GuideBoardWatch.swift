import Board
import Frontend

/// Keeps the learner told about the class board while the guide runs (SPEC 7.1): before the
/// first step, the board's first word (a refused join is said there, not at exit); then a line
/// each time the state changes kind (joined, unreachable, refused, joined again). The keys line
/// repeats the latest state.
public struct GuideBoardWatch {
    /// What the learner sees; its `board` is the one watched (none: nothing to watch).
    public let screen: GuideScreen

    /// A watch of `screen`'s board.
    public init(screen: GuideScreen) {
        self.screen = screen
    }

    /// Runs `body` with the board watched.
    public func around(_ body: () async -> Int32) async -> Int32 {
        guard let board = screen.board else { return await body() }
        let first = await board.publisher.firstAnswer(of: board.learner, within: .seconds(3))
        if case .refused(let why) = first {
            let text = "⚠ The class board refuses you: \(why). Your progress is kept here; it does not reach the board."
            screen.paragraph(text, screen.style.yellow)
        }
        let screen = screen
        let said: String? = if case .refused = first { Self.kind(of: first) } else { nil }
        return await withTaskGroup(of: Int32?.self) { group in
            group.addTask {
                var shown = said
                for await state in board.publisher.states(of: board.learner) {
                    let kind = Self.kind(of: state)
                    guard kind != shown, state.isSettled else { continue }
                    shown = kind
                    screen.print(screen.boardLine(state))
                }
                return nil
            }
            group.addTask {
                await GuideTypeAlong(screen: screen, board: board).follow()  // SPEC 11.2
                return nil
            }
            let code = await body()
            group.cancelAll()
            return code
        }
    }

    /// What a change must alter to be said: the state's kind (a refusal's reason too), not a count.
    static func kind(of state: BoardState) -> String {
        switch state {
        case .connecting: "connecting"
        case .joined: "joined"
        case .unreachable: "unreachable"
        case .refused(let why): "refused: " + why
        }
    }
}
