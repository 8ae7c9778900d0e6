/// `status:` of an `http:` step: codes and classes (`2xx`) of which the response's status must be one.
public struct StatusExpectation: Sendable, Hashable {
    /// One accepted code or class.
    public enum Pattern: Sendable, Hashable {
        /// Exactly this code.
        case code(Int)
        /// Any code of this hundred (2 for `2xx`).
        case family(Int)
    }

    /// The accepted patterns, any of which will do.
    public var patterns: [Pattern]

    /// Creates the expectation.
    public init(_ patterns: [Pattern]) {
        self.patterns = patterns
    }

    /// The default of an `http:` step: any 2xx.
    public static let success = StatusExpectation([.family(2)])

    /// Whether `code` is accepted.
    public func accepts(_ code: Int) -> Bool {
        patterns.contains { pattern in
            switch pattern {
            case .code(let expected): code == expected
            case .family(let hundred): code / 100 == hundred
            }
        }
    }

    /// As written in reports: `200`, `[200, 204]`, `2xx`.
    public var description: String {
        let texts = patterns.map { pattern -> String in
            switch pattern {
            case .code(let code): String(code)
            case .family(let hundred): "\(hundred)xx"
            }
        }
        return texts.count == 1 ? texts[0] : "[" + texts.joined(separator: ", ") + "]"
    }
}
