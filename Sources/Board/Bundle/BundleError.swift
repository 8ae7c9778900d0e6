/// Why a workshop bundle cannot be made, fetched or unpacked (SPEC 10.3): one line saying what to do.
public struct BundleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The line shown (without `error: `).
    public var message: String

    /// An error with `message`.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
