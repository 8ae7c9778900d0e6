import Foundation

/// A step began for a learner: shown by `runbook guide` (its card appeared) or started by
/// `runbook run`. Timings (SPEC 11.3) count from here to the step's first pass, and the class
/// board knows from it which step a learner is on and since when.
public struct StepStartRecord: Sendable, Codable, Hashable {
    /// How the step began.
    public enum Source: String, Sendable, Codable {
        /// `runbook guide` showed the step's card.
        case guide
        /// `runbook run` started the step's command.
        case run
    }

    /// The learner's id.
    public var learner: String
    /// The step's id.
    public var step: String
    /// When the step was shown or started.
    public var at: Date
    /// Shown by the guide, or started by a run.
    public var source: Source

    /// Creates a record.
    public init(learner: String, step: String, at: Date = Date(), source: Source) {
        self.learner = learner
        self.step = step
        self.at = at
        self.source = source
    }

    private enum CodingKeys: String, CodingKey {
        case learner, step, at, source
    }

    /// Reads a record; a missing or unknown `source` reads as `guide` (tolerant of other writers).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        learner = try container.decode(String.self, forKey: .learner)
        step = try container.decode(String.self, forKey: .step)
        at = try container.decode(Date.self, forKey: .at)
        source = (try? container.decodeIfPresent(Source.self, forKey: .source)) ?? .guide
    }
}
