/// A piece of what a pseudo-terminal printed, as `OSC133Scanner` cuts it: bytes between marks,
/// or a mark.
public enum TerminalChunk: Sendable, Hashable {
    /// Bytes as they came (other escape sequences kept).
    case bytes([UInt8])
    /// An OSC 133 mark.
    case mark(ShellMark)
}
