/// One line of `journal.jsonl`; `type` says which payload is present.
public struct JournalRecord: Sendable, Codable {
    /// The kinds of record.
    public enum Kind: String, Sendable, Codable {
        case run, learner, preflight, step, cleanup, end, hand, start
        /// A type this version does not know (a newer writer's): readers skip it.
        case unknown

        /// Reads a type; one this version does not know is `unknown`, so that journals of newer
        /// versions still read.
        public init(from decoder: any Decoder) throws {
            self = Kind(rawValue: try decoder.singleValueContainer().decode(String.self)) ?? .unknown
        }
    }

    /// Which payload this record holds.
    public var type: Kind
    /// For `run`.
    public var run: RunHeader?
    /// For `learner`.
    public var learner: LearnerRecord?
    /// For `preflight`.
    public var preflight: PreflightRecord?
    /// For `step`.
    public var step: StepResult?
    /// For `cleanup`.
    public var cleanup: CleanupRecord?
    /// For `end`.
    public var end: RunFooter?
    /// For `hand` (the class board only: results ignore it).
    public var hand: HandRecord?
    /// For `start`: a step shown by the guide or started by a run (timings and the board; results ignore it).
    public var start: StepStartRecord?

    /// The run header record.
    public static func run(_ header: RunHeader) -> JournalRecord { JournalRecord(type: .run, run: header) }
    /// A learner's ports and folder.
    public static func learner(_ record: LearnerRecord) -> JournalRecord { JournalRecord(type: .learner, learner: record) }
    /// A preflight record.
    public static func preflight(_ record: PreflightRecord) -> JournalRecord { JournalRecord(type: .preflight, preflight: record) }
    /// A finished step.
    public static func step(_ result: StepResult) -> JournalRecord { JournalRecord(type: .step, step: result) }
    /// A finished cleanup item.
    public static func cleanup(_ record: CleanupRecord) -> JournalRecord { JournalRecord(type: .cleanup, cleanup: record) }
    /// The end of the run.
    public static func end(_ footer: RunFooter) -> JournalRecord { JournalRecord(type: .end, end: footer) }
    /// A raised hand.
    public static func hand(_ record: HandRecord) -> JournalRecord { JournalRecord(type: .hand, hand: record) }
    /// A step shown or started.
    public static func start(_ record: StepStartRecord) -> JournalRecord { JournalRecord(type: .start, start: record) }
}
