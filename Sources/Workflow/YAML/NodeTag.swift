/// The tag of a node in one byte: the YAML core tags, none, or one the loader rejected.
///
/// The loader accepts only core tags (`!!str`, `!!int`…) and reports any other, so a node's tag
/// is always one of these; `Node.tag` shows it as the text readers compare with.
enum NodeTag: UInt8, Sendable {
    case none, str, int, float, bool, null, map, seq, rejected

    /// The tag for its text (`!!str`…, `TreeBuilder.rejectedTag`); `rejected` for any other text.
    init(_ text: String?) {
        switch text {
        case nil: self = .none
        case "!!str": self = .str
        case "!!int": self = .int
        case "!!float": self = .float
        case "!!bool": self = .bool
        case "!!null": self = .null
        case "!!map": self = .map
        case "!!seq": self = .seq
        default: self = .rejected
        }
    }

    /// The text readers compare with: `!!str`…, `TreeBuilder.rejectedTag`, or nil.
    var text: String? {
        switch self {
        case .none: nil
        case .str: "!!str"
        case .int: "!!int"
        case .float: "!!float"
        case .bool: "!!bool"
        case .null: "!!null"
        case .map: "!!map"
        case .seq: "!!seq"
        case .rejected: TreeBuilder.rejectedTag
        }
    }
}
