import Foundation
import Workflow

/// What `runbook guide` remembers about one learner and one runbook between sessions: the latest
/// result of each step and the captures made (SPEC 3). Stored as JSON by `GuideStateStore`.
public struct GuideState: Codable, Sendable {
    /// The runbook the state belongs to.
    public struct RunbookIdentity: Codable, Sendable, Hashable {
        /// The runbook's absolute path.
        public var path: String
        /// Its title.
        public var title: String?
        /// SHA-256 of its bytes.
        public var sha256: String
    }

    /// The schema name and version.
    public var schema = GuideState.currentSchema
    /// Which runbook.
    public var runbook: RunbookIdentity
    /// The learner's id.
    public var learner: String
    /// When the state was last saved.
    public var updatedAt = Date()
    /// The latest result of each step that has one, by step id (secrets already redacted).
    public var results: [String: StepResult] = [:]
    /// The captures made, by name; a capture whose value holds a secret is never stored (its step
    /// is then not done, and runs again).
    public var captures: [String: String] = [:]
    /// The learner's `${port.NAME}` ports, kept across sessions (SPEC 6.7); nil in states saved before ports existed.
    public var ports: [String: Int]?
    /// How many hints of each step the learner was shown (SPEC 11.1); nil in states saved before hints were counted.
    public var hintsShown: [String: Int]?

    /// The current schema.
    public static let currentSchema = "runbook-guide-state/1"

    /// The reason recorded when the learner skips a step with `s`.
    public static let learnerSkipReason = "skipped by the learner"

    /// Whether the step is done: passed, or skipped by the runbook itself (a condition, a skipped
    /// need), with every capture it makes still known.
    public func isDone(_ step: Step) -> Bool {
        guard let result = results[step.id] else { return false }
        switch result.status {
        case .passed:
            return step.captures.allSatisfy { captures[$0.name] != nil }
        case .skipped:
            return result.reason != Self.learnerSkipReason && result.reason != "not selected"
        case .failed, .timeout, .error, .blocked, .interrupted:
            return false
        }
    }

    /// Where a session resumes: the first of `steps` not done, nil when every one is.
    func firstNotDone(in steps: [Step]) -> Int? {
        steps.firstIndex { !isDone($0) }
    }

    /// How many of `steps` are done.
    func doneCount(in steps: [Step]) -> Int {
        steps.filter(isDone).count
    }

    /// Records a step's result; a result kept between sessions loses its output excerpts when it passed.
    public mutating func record(_ result: StepResult) {
        var kept = result
        if kept.status == .passed { kept.excerpts = nil }
        results[result.step] = kept
        updatedAt = Date()
    }

    /// Keeps only the results and captures that `runbook` still has (after the runbook changed).
    public mutating func carry(over runbook: Runbook) {
        let ids = Set(runbook.steps.map(\.id))
        let names = Set(runbook.steps.flatMap { $0.captures.map(\.name) })
        results = results.filter { ids.contains($0.key) }
        captures = captures.filter { names.contains($0.key) }
        hintsShown = hintsShown?.filter { ids.contains($0.key) }
    }
}
