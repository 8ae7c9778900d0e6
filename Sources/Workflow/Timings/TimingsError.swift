/// Why timings could not be read: an input that is not a journal, or journals of different runbooks.
public struct TimingsError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The input at fault.
    public var path: String
    /// What is wrong with it.
    public var reason: String

    /// Creates an error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `PATH: reason`.
    public var description: String { "\(path): \(reason)" }
}
