/// Why a step's expectations cannot be prepared once substituted (e.g. a `length:` operand that is
/// not a number); the step is then `error`.
struct ExpectationSetupError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    var message: String

    /// The message.
    var description: String { message }
}
