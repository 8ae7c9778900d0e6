/// Which exit statuses count as success.
public enum ExitExpectation: Sendable, Hashable {
    /// One of these codes.
    case codes([Int32])
    /// Any exit status.
    case any
    /// Any status but zero.
    case nonzero

    /// True when `code` satisfies the expectation.
    public func accepts(_ code: Int32) -> Bool {
        switch self {
        case .codes(let codes): codes.contains(code)
        case .any: true
        case .nonzero: code != 0
        }
    }

    /// How it reads in a report: `0`, `[0, 1]`, `any`, `nonzero`.
    public var description: String {
        switch self {
        case .codes(let codes): codes.count == 1 ? "\(codes[0])" : "[" + codes.map(String.init).joined(separator: ", ") + "]"
        case .any: "any"
        case .nonzero: "nonzero"
        }
    }
}
