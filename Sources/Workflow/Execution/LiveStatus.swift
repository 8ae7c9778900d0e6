import Foundation
import Synchronization

/// What each learner is doing right now, sampled by the terminal's live line (not one event per line).
public final class LiveStatus: Sendable {
    /// One learner's current activity.
    public struct Activity: Sendable {
        /// The running step's id.
        public var step: String
        /// Its title.
        public var title: String?
        /// When it started.
        public var startedAt: Date
        /// The latest output line seen, already redacted.
        public var latestLine: String?
    }

    private let activities = Mutex<[String: Activity]>([:])

    /// Creates an empty status board.
    public init() {}

    /// Records that `learner` started `step`.
    public func started(learner: String, step: String, title: String?) {
        activities.withLock { $0[learner] = Activity(step: step, title: title, startedAt: Date(), latestLine: nil) }
    }

    /// Records the latest output line of `learner`'s running step.
    public func sample(learner: String, line: String) {
        activities.withLock { $0[learner]?.latestLine = line }
    }

    /// Records that `learner` is between steps.
    public func finished(learner: String) {
        _ = activities.withLock { $0.removeValue(forKey: learner) }
    }

    /// A copy of every current activity.
    public var snapshot: [String: Activity] { activities.withLock { $0 } }
}
