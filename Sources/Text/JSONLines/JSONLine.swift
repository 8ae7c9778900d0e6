import Foundation

/// One line of a JSON-lines file or buffer: its bytes without the line feed, where it starts, its
/// number, and whether a line feed ended it (the last line of a file that was being written when
/// its writer died has none: it is torn).
public struct JSONLine: Sendable {
    /// The line's bytes, without the line feed (a slice: its indices are not zero-based).
    public var bytes: Data
    /// The byte offset of the line's first byte in the file (or buffer).
    public var offset: Int
    /// The line's number, 1-based, counting every line read (empty ones too).
    public var number: Int
    /// False for a last line without a line feed (torn).
    public var isTerminated: Bool

    /// A line.
    public init(bytes: Data, offset: Int, number: Int, isTerminated: Bool) {
        self.bytes = bytes
        self.offset = offset
        self.number = number
        self.isTerminated = isTerminated
    }
}
