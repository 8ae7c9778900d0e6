import Foundation

/// The last journal record of a run that ended normally or by interrupt.
public struct RunFooter: Sendable, Codable {
    /// When the run ended.
    public var endedAt: Date
    /// Whether Ctrl-C (or SIGTERM/SIGHUP) stopped it.
    public var interrupted: Bool

    /// Creates a footer.
    public init(endedAt: Date, interrupted: Bool) {
        self.endedAt = endedAt
        self.interrupted = interrupted
    }
}
