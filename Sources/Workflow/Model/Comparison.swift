/// A numeric comparison written as text, `">= 0.8"`, `"== ${expected}"` or a bare number (meaning `==`):
/// the form of `values:`, `size:`, and the `length`/`value` operations of the `json` matcher.
public struct Comparison: Sendable, Hashable {
    /// The operator.
    public var comparison: ComparisonOperator
    /// A number or `${var}`.
    public var operand: Template
    /// The text as written.
    public var raw: String

    /// Creates a comparison.
    public init(comparison: ComparisonOperator, operand: Template, raw: String) {
        self.comparison = comparison
        self.operand = operand
        self.raw = raw
    }
}
