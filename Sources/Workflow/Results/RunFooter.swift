import Foundation

/// The last journal record of a run that ended normally or by interrupt.
public struct RunFooter: Sendable, Codable {
    /// When the run ended.
    public var endedAt: Date
    /// Whether Ctrl-C (or SIGTERM/SIGHUP) stopped it.
    public var interrupted: Bool
    /// Why it ended; nil in journals written before it was recorded.
    public var ending: RunEnding?
    /// The step a guide showed when it ended (where a learner who quit left); nil for other commands.
    public var step: String?

    /// Creates a footer.
    public init(endedAt: Date, interrupted: Bool, ending: RunEnding? = nil, step: String? = nil) {
        self.endedAt = endedAt
        self.interrupted = interrupted
        self.ending = ending ?? (interrupted ? .interrupted : .finished)
        self.step = step
    }
}
