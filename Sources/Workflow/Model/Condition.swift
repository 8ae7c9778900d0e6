import Foundation

/// One `when:` condition: a capability or a var, possibly negated with `!`.
public struct Condition: Sendable, Hashable {
    /// What is tested.
    public enum Subject: Sendable, Hashable {
        /// A capability of the learner's environment.
        case capability(Capability)
        /// A var or capture (true unless empty, `false` or `0`).
        case value(Template)
    }

    /// What is tested.
    public var subject: Subject
    /// True for `!…`.
    public var negated: Bool
    /// The text as written.
    public var raw: String
    /// Where it is written.
    public var location: SourceLocation

    /// Creates a condition.
    public init(subject: Subject, negated: Bool, raw: String, location: SourceLocation) {
        self.subject = subject
        self.negated = negated
        self.raw = raw
        self.location = location
    }

    /// Whether a value counts as true: anything but empty, `false` or `0` (trimmed, any case).
    public static func isTruthy(_ value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return !(trimmed.isEmpty || trimmed == "false" || trimmed == "0")
    }
}
