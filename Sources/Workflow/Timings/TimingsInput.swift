import Foundation

/// What the journals given to `report --timings` hold: the runbook and its steps (from the first
/// run record), and each learner's activity, merged over all their journals.
public struct TimingsInput: Sendable {
    /// The runbook of the first run record.
    public internal(set) var runbook: RunHeader.RunbookInfo?
    /// The steps in file order (the first run record's, then steps only later ones list).
    public internal(set) var steps: [RunHeader.StepInfo] = []
    /// The sha256 of every runbook seen after the first.
    var otherRunbooks: Set<String> = []
    /// Each learner's activity, by id.
    var learners: [String: LearnerActivity] = [:]

    /// The learners seen.
    public var learnerIds: [String] { learners.keys.sorted() }

    /// Takes one record; `learners` are those of the journal's latest run record (an end record is theirs).
    mutating func take(_ record: TimingRecord, learners current: inout [String]) {
        switch record.type {
        case .run:
            guard let run = record.run else { return }
            if let runbook, runbook.sha256 != run.runbook.sha256 { otherRunbooks.insert(run.runbook.sha256) }
            if runbook == nil { runbook = run.runbook }
            for step in run.steps where !steps.contains(where: { $0.id == step.id }) { steps.append(step) }
            current = run.learners.map(\.id)
            for learner in current { learners[learner, default: LearnerActivity()].note(run.startedAt) }
        case .start:
            guard let start = record.start else { return }
            learners[start.learner, default: LearnerActivity()].started(start.step, at: start.at)
        case .step:
            guard let step = record.step else { return }
            learners[step.learner, default: LearnerActivity()]
                .result(step.step, passed: step.status == .passed, start: step.startedAt, end: step.endedAt)
        case .hand, .preflight:
            guard let moment = record.hand ?? record.preflight, let date = moment.raisedAt ?? moment.endedAt else { return }
            learners[moment.learner, default: LearnerActivity()].note(date)
        case .end:
            guard let end = record.end else { return }
            for learner in current { learners[learner, default: LearnerActivity()].note(end.endedAt) }
        case .learner, .cleanup, .unknown:
            break
        }
    }

    /// Per step, in file order: n, median and p90 of the learners' times to the first pass.
    public func timings() -> [StepTiming] {
        steps.map { step in
            StepTiming(step: step.id, seconds: learners.values.compactMap { $0.seconds(on: step.id) })
        }
    }
}
