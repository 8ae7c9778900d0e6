/// Why a workshop bundle cannot be made, fetched or unpacked (SPEC 10.3): one line saying what to do.
public struct BundleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The line shown (without `error: `).
    public var message: String
    /// The board did not answer at all (as opposed to answering no).
    public var unreachable: Bool
    /// The board answered that the join URL's class code is not its own.
    public var wrongCode: Bool

    /// An error with `message`.
    public init(_ message: String, unreachable: Bool = false, wrongCode: Bool = false) {
        self.message = message
        self.unreachable = unreachable
        self.wrongCode = wrongCode
    }

    /// The message.
    public var description: String { message }
}
