/// `json: { path: P, OP: V }` (SPEC 6.5): a check on the value at a jq-style path of a stream that
/// holds one JSON document.
public struct JSONMatcher: Sendable, Hashable {
    /// The check made on the value at the path.
    public enum Operation: Sendable, Hashable {
        /// The value's text equals V.
        case equals(Template)
        /// The value's text matches the ICU regex.
        case matches(Template)
        /// A string contains V; an array has an element whose text is V; an object has the key V.
        case contains(Template)
        /// The length of a string, array or object compares so.
        case length(Comparison)
        /// The value, a number, compares so.
        case value(Comparison)
        /// The path is present (true) or absent (false).
        case exists(Bool)

        /// The operation's key.
        public var keyName: String {
            switch self {
            case .equals: "equals"
            case .matches: "matches"
            case .contains: "contains"
            case .length: "length"
            case .value: "value"
            case .exists: "exists"
            }
        }
    }

    /// The path, substituted before it is read (`."${net}".Aliases`).
    public var path: Template
    /// The check.
    public var operation: Operation

    /// Creates a matcher.
    public init(path: Template, operation: Operation) {
        self.path = path
        self.operation = operation
    }

    /// The keys of a `json:` map.
    public static let operationKeys = ["equals", "matches", "contains", "length", "value", "exists"]

    /// Every template of the matcher.
    public var templates: [Template] {
        switch operation {
        case .equals(let text), .matches(let text), .contains(let text): [path, text]
        case .length(let comparison), .value(let comparison): [path, comparison.operand]
        case .exists: [path]
        }
    }
}
