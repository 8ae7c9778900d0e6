/// Where an outbox stands (`state.json`). Line `i` of `records.jsonl` (from 0) carries seq
/// `base + i + 1`; the lines before byte `offset` are acknowledged (seqs up to `acked`), and the
/// file is emptied (and `base` moved up) once every line is.
struct OutboxState: Codable, Sendable, Equatable {
    /// The seq before the file's first line; nil until the board first answered a join (the
    /// numbering then starts after the highest seq the board holds of this learner).
    var base: Int?
    /// The highest seq the board acknowledged.
    var acked = 0
    /// The byte offset of the first line not acknowledged.
    var offset = 0
}
