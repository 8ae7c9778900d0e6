/// Why the board's store cannot be opened or written: the file (and line) and what is wrong.
public struct BoardStoreError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file or folder concerned.
    public var path: String
    /// The line of a journal, when one is at fault.
    public var line: Int?
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(path: String, line: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// `PATH:LINE:1: error: MESSAGE` (or `PATH: error: MESSAGE`).
    public var description: String {
        "\(path)\(line.map { ":\($0):1" } ?? ""): error: \(message)"
    }
}
