/// Why a `json` path does not parse, and where in it (an offset in Unicode scalars).
public struct JSONPathError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var reason: String
    /// Where in the path, from 0.
    public var offset: Int

    /// Creates the error.
    public init(reason: String, offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// The reason.
    public var description: String { reason }
}
