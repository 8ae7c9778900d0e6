/// Sees every record a run journals, right after it is written (e.g. the class board's publisher).
public protocol JournalTap: Sendable {
    /// Takes one journaled record; must return quickly (it runs on the learner's path).
    func journaled(_ record: JournalRecord)
}
