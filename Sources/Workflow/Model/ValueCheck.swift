/// `values: { NAME: ">= 0.8" }`: a numeric check on a captured value.
public struct ValueCheck: Sendable, Hashable {
    /// The capture checked.
    public var name: String
    /// The comparison.
    public var comparison: ComparisonOperator
    /// A number or `${var}`.
    public var operand: Template
    /// Where the check is written.
    public var location: SourceLocation

    /// Creates a value check.
    public init(name: String, comparison: ComparisonOperator, operand: Template, location: SourceLocation) {
        self.name = name
        self.comparison = comparison
        self.operand = operand
        self.location = location
    }
}
