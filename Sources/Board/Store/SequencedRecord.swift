import Workflow

/// One line of the protocol and of a learner's store journal: a journal record with its `"seq"`
/// key added (1, 2, 3, … per learner). Readers of journals ignore the extra key.
public struct SequencedRecord: Sendable, Codable {
    /// The learner's sequence number of the record.
    public var seq: Int
    /// The record.
    public var record: JournalRecord

    private enum Key: String, CodingKey { case seq }

    /// Pairs a record with its sequence number.
    public init(seq: Int, record: JournalRecord) {
        self.seq = seq
        self.record = record
    }

    /// Decodes a record and its `seq` from the same JSON object.
    public init(from decoder: any Decoder) throws {
        seq = try decoder.container(keyedBy: Key.self).decode(Int.self, forKey: .seq)
        record = try JournalRecord(from: decoder)
    }

    /// Encodes the record's keys and `seq` into one JSON object.
    public func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(seq, forKey: .seq)
    }
}
