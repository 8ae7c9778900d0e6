/// Receives every line of a child's output; calls are serialized (never concurrent) and in arrival order.
///
/// The runner calls `consume` from a thread of its own, never from the Swift concurrency pool,
/// so a consumer must not block for long: the child stalls while its pipes are not drained.
public protocol LineConsumer: AnyObject, Sendable {
    /// Takes one line and says whether the runner should stop the process now.
    ///
    /// `line` excludes the LF and any trailing CRs and is valid only during the call.
    /// A line longer than 1 MiB is cut to its first 1 MiB and `truncated` is true.
    /// Returning true asks the runner to stop the process: its group is terminated like on a
    /// timeout and the outcome says `stoppedByConsumer`. Lines that still arrive afterwards are
    /// delivered too, and what they return is ignored.
    func consume(line: UnsafeRawBufferPointer, stream: OutputStreamKind, truncated: Bool) -> Bool
    /// Whether the consumer also wants the output as it arrives, before it is split into lines.
    var wantsRawChunks: Bool { get }

    /// Takes a chunk of a stream as read (called before the chunk's lines are consumed).
    func consume(chunk: UnsafeRawBufferPointer, stream: OutputStreamKind)

    /// The same as `consume(line:stream:truncated:)`, with the line's length before the cut
    /// (trailing CRs not counted): `line.count` unless `truncated`. By default the length is ignored.
    func consume(line: UnsafeRawBufferPointer, stream: OutputStreamKind, truncated: Bool, length: Int) -> Bool
}

extension LineConsumer {
    /// By default a consumer reads lines only.
    public var wantsRawChunks: Bool { false }

    /// By default chunks are ignored.
    public func consume(chunk: UnsafeRawBufferPointer, stream: OutputStreamKind) {}

    /// Ignores the length.
    public func consume(line: UnsafeRawBufferPointer, stream: OutputStreamKind, truncated: Bool, length: Int) -> Bool {
        consume(line: line, stream: stream, truncated: truncated)
    }
}
