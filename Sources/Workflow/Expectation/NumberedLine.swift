/// One line of a stream quoted in a failure, with its 1-based number in that stream.
public struct NumberedLine: Codable, Sendable, Hashable {
    /// Longest text kept for one quoted line, in bytes (a longer line is cut and ends with "…").
    public static let maximumBytes = 2048

    /// The line's 1-based number in the stream the matcher reads (`output` counts both streams).
    public var number: Int
    /// The line, invalid UTF-8 as U+FFFD, cut to `maximumBytes`.
    public var text: String

    /// Creates a quoted line.
    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }
}
