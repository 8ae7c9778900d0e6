import Foundation
import Workflow

/// One learner's row of the board: who, how far, stuck or not, a raised hand, the cells by step id.
public struct MatrixRow: Sendable, Codable, Equatable {
    /// The learner's id.
    public var id: String
    /// The display name.
    public var name: String?
    /// Why the learner is stuck, nil when they are not.
    public var stuck: String?
    /// A raised hand, shown until their next passed step.
    public var hand: HandRecord?
    /// Steps passed.
    public var passed: Int
    /// When they last passed a step (else when their latest run started); nil before any record.
    public var lastProgressAt: Date?
    /// The latest result of each step that has one, by step id.
    public var steps: [String: MatrixCell]
    /// With `serve --timings`: why the learner is behind the room's median on their current step (not when stuck).
    public var behind: String?

    /// Creates a row.
    public init(
        id: String, name: String?, stuck: String?, hand: HandRecord?, passed: Int, lastProgressAt: Date?, steps: [String: MatrixCell],
        behind: String? = nil
    ) {
        self.id = id
        self.name = name
        self.stuck = stuck
        self.hand = hand
        self.passed = passed
        self.lastProgressAt = lastProgressAt
        self.steps = steps
        self.behind = behind
    }
}
