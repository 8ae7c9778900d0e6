/// The operators of a `values:` check.
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
    case greaterOrEqual = ">="
    case lessOrEqual = "<="
    case equal = "=="
    case notEqual = "!="
    case greater = ">"
    case less = "<"

    /// Applies the operator.
    public func holds(_ lhs: Double, _ rhs: Double) -> Bool {
        switch self {
        case .greaterOrEqual: lhs >= rhs
        case .lessOrEqual: lhs <= rhs
        case .equal: lhs == rhs
        case .notEqual: lhs != rhs
        case .greater: lhs > rhs
        case .less: lhs < rhs
        }
    }
}
