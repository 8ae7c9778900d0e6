/// Sees every record a `Journal` appends, in order, right after it is written (the class
/// board's publisher is one). Called inside the journal's actor: it must return quickly.
public protocol JournalTap: Sendable {
    /// Takes one record just journaled.
    func journaled(_ record: JournalRecord)
}
