/// A YAML node with the position it was written at; aliases are already resolved.
///
/// Forty bytes: the content (a scalar's text and style, or the children), a 12-byte location,
/// the end line in 32 bits and the tag in one byte, so that a large runbook's tree stays small
/// and copying a node retains one reference at most.
public struct Node: Sendable {
    /// The kind of node and its children.
    public enum Content: Sendable {
        /// A scalar's text and how it was written.
        case scalar(String, ScalarStyle)
        /// A sequence's items.
        case sequence([Node])
        /// A mapping's pairs, in source order (duplicates already reported).
        case mapping([Pair])
    }

    /// One key and value of a mapping.
    public struct Pair: Sendable {
        /// The key node.
        public var key: Node
        /// The value node.
        public var value: Node

        /// Creates a pair.
        public init(key: Node, value: Node) {
            self.key = key
            self.value = value
        }
    }

    /// What the node holds.
    public var content: Content
    /// Where the node starts.
    public var location: SourceLocation
    private var storedEndLine: Int32
    private var storedTag: NodeTag

    /// The line where the node ends (1-based).
    public var endLine: Int {
        get { Int(storedEndLine) }
        set { storedEndLine = Int32(clamping: newValue) }
    }

    /// The resolved tag, `!!str`-style for core tags, `TreeBuilder.rejectedTag` for one the loader
    /// reported; nil when none was written. Any other text is stored as rejected.
    public var tag: String? {
        get { storedTag.text }
        set { storedTag = NodeTag(newValue) }
    }

    /// Creates a node.
    public init(_ content: Content, at location: SourceLocation, endLine: Int? = nil, tag: String? = nil) {
        self.init(content, at: location, endLine: endLine, nodeTag: NodeTag(tag))
    }

    /// Creates a node with a tag already resolved.
    init(_ content: Content, at location: SourceLocation, endLine: Int?, nodeTag: NodeTag) {
        self.content = content
        self.location = location
        self.storedEndLine = Int32(clamping: endLine ?? location.line)
        self.storedTag = nodeTag
    }

    /// The tag as stored.
    var nodeTag: NodeTag { storedTag }

    /// The scalar's text, or nil for a collection.
    public var scalarValue: String? {
        if case .scalar(let value, _) = content { return value }
        return nil
    }

    /// The scalar's style, or nil for a collection.
    public var scalarStyle: ScalarStyle? {
        if case .scalar(_, let style) = content { return style }
        return nil
    }

    /// The mapping's pairs, or nil for anything else.
    public var mappingPairs: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The sequence's items, or nil for anything else.
    public var sequenceItems: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// True for a plain `null`, `~` or empty scalar (YAML 1.2 core schema) or a `!!null` tag.
    public var isNull: Bool {
        guard case .scalar(let value, let style) = content else { return false }
        if storedTag == .null { return true }
        guard style == .plain, storedTag == .none else { return false }
        return value.isEmpty || value == "~" || value == "null" || value == "Null" || value == "NULL"
    }

    /// The YAML 1.2 boolean (`true`/`false` in its three casings) of a plain scalar, else nil.
    public var boolValue: Bool? {
        guard case .scalar(let value, let style) = content, style == .plain || storedTag == .bool else { return nil }
        switch value {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// A short name of the node's kind for messages: "a string", "a list", "a map", "an empty value".
    public var kindDescription: String {
        switch content {
        case .scalar: return isNull ? "an empty value" : "a string"
        case .sequence: return "a list"
        case .mapping: return "a map"
        }
    }

    /// The value for `key` in a mapping, or nil.
    public subscript(key: String) -> Node? {
        mappingPairs?.first { $0.key.scalarValue == key }?.value
    }
}
