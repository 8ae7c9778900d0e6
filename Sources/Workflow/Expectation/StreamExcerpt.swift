/// The first and last part of a stream kept for the report (SPEC 4), cut at line boundaries.
///
/// `head` holds the first lines and `tail` the last ones, each line ending with "\n"; when
/// `omittedLines` is 0, `head + tail` is the whole stream. A single line longer than the
/// excerpt's limit is kept cut to that limit.
public struct StreamExcerpt: Codable, Sendable, Hashable {
    /// The first lines, each ending with "\n".
    public var head: String
    /// The last lines (after those of `head`), each ending with "\n".
    public var tail: String
    /// Lines between `head` and `tail` that were not kept.
    public var omittedLines: Int
    /// Bytes not kept: the omitted lines and the cut-off ends of over-long lines.
    public var omittedBytes: Int
    /// Lines in the stream.
    public var totalLines: Int
    /// Bytes in the stream, one LF per line included, trailing CRs not.
    public var totalBytes: Int
    /// Lines longer than 1 MiB, which the runner cut and matchers saw only the start of.
    public var longLines: Int

    /// Creates an excerpt.
    public init(
        head: String = "", tail: String = "", omittedLines: Int = 0, omittedBytes: Int = 0, totalLines: Int = 0, totalBytes: Int = 0,
        longLines: Int = 0
    ) {
        self.head = head
        self.tail = tail
        self.omittedLines = omittedLines
        self.omittedBytes = omittedBytes
        self.totalLines = totalLines
        self.totalBytes = totalBytes
        self.longLines = longLines
    }
}
