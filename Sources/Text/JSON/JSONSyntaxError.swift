/// Why a stream is not one JSON document, and where (1-based line and column, in Unicode scalars).
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, e.g. "expected a value".
    public var reason: String
    /// The line of the problem.
    public var line: Int
    /// The column of the problem.
    public var column: Int

    /// Creates the error.
    public init(reason: String, line: Int, column: Int) {
        self.reason = reason
        self.line = line
        self.column = column
    }

    /// `expected a value at line 1, column 5`.
    public var description: String { "\(reason) at line \(line), column \(column)" }
}
