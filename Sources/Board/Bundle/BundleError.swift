/// Why a workshop bundle cannot be made, fetched or unpacked (SPEC 10.3): one line saying what to do.
public struct BundleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The line shown (without `error: `).
    public var message: String
    /// The board did not answer at all (as opposed to answering no).
    public var unreachable: Bool

    /// An error with `message`.
    public init(_ message: String, unreachable: Bool = false) {
        self.message = message
        self.unreachable = unreachable
    }

    /// The message.
    public var description: String { message }
}
