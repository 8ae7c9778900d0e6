import Foundation

/// A journal record as timings read it: its type and the times it carries, nothing else
/// (outputs and excerpts are skipped by the decoder, never kept).
struct TimingRecord: Decodable, Sendable {
    /// A run record's part that timings use.
    struct Run: Decodable, Sendable {
        var runbook: RunHeader.RunbookInfo
        var startedAt: Date
        var learners: [RunHeader.LearnerInfo]
        var steps: [RunHeader.StepInfo]
    }

    /// A step record's part that timings use.
    struct Step: Decodable, Sendable {
        var learner: String
        var step: String
        var status: StepStatus
        var startedAt: Date?
        var endedAt: Date
    }

    /// A record that has a learner and a time.
    struct Moment: Decodable, Sendable {
        var learner: String
        var raisedAt: Date?
        var endedAt: Date?
    }

    /// A record that has only a time (the end of a run).
    struct End: Decodable, Sendable {
        var endedAt: Date
    }

    var type: JournalRecord.Kind
    var run: Run?
    var step: Step?
    var start: StepStartRecord?
    var hand: Moment?
    var preflight: Moment?
    var end: End?
}
