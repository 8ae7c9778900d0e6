import Board
import Frontend

/// The class board as the guide sees it (SPEC 7.1): the learner's board state for the status
/// line, and whether a raised hand reached the board.
public struct GuideBoard: Sendable {
    /// The learner's publisher.
    public let publisher: BoardPublisher
    /// The learner.
    public let learner: String

    /// The state line of `learner` on the board `publisher` pushes to.
    public init(publisher: BoardPublisher, learner: String) {
        self.publisher = publisher
        self.learner = learner
    }

    /// The state now.
    var state: BoardState { publisher.state(of: learner) }

    /// Waits (at most 5 s) for the board to acknowledge everything journaled, a raised hand last.
    func confirmHand() async -> HandDelivery {
        await publisher.delivery(of: learner, within: .seconds(5))
    }
}
