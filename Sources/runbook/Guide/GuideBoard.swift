import Board

/// The class board as the guide sees it (SPEC 7.1): the learner's board state for the status
/// line, and whether a raised hand reached the board.
struct GuideBoard: Sendable {
    /// The learner's publisher.
    let publisher: BoardPublisher
    /// The learner.
    let learner: String

    /// The state now.
    var state: BoardState { publisher.state(of: learner) }

    /// Waits (at most 5 s) for the board to acknowledge everything journaled, a raised hand last.
    func confirmHand() async -> HandDelivery {
        await publisher.delivery(of: learner, within: .seconds(5))
    }
}
