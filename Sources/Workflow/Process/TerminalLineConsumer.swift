/// Hands `base` each line as a terminal would show it (`TerminalText`): what a program under a
/// pseudo-terminal prints for people (bracketed-paste switches, colours, progress redrawn with
/// carriage returns) is matched as the learner sees it (SPEC 6.11).
public final class TerminalLineConsumer<Base: LineConsumer>: LineConsumer {
    /// Where the shown lines go.
    private let base: Base

    /// Wraps `base`.
    public init(_ base: Base) {
        self.base = base
    }

    public var wantsRawChunks: Bool { base.wantsRawChunks }

    public func consume(chunk: UnsafeRawBufferPointer, stream: OutputStreamKind) {
        base.consume(chunk: chunk, stream: stream)
    }

    public func consume(line: UnsafeRawBufferPointer, stream: OutputStreamKind, truncated: Bool) -> Bool {
        consume(line: line, stream: stream, truncated: truncated, length: line.count)
    }

    public func consume(line: UnsafeRawBufferPointer, stream: OutputStreamKind, truncated: Bool, length: Int) -> Bool {
        guard let shown = TerminalText.shown(line) else {
            return base.consume(line: line, stream: stream, truncated: truncated, length: length)
        }
        return shown.withUnsafeBytes { base.consume(line: $0, stream: stream, truncated: truncated, length: $0.count) }
    }
}
