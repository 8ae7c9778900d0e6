/// Why the board cannot serve HTTPS with the files given.
public struct BoardTLSError: Error, CustomStringConvertible, Sendable {
    /// What is wrong.
    public var description: String
}
