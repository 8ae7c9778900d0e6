/// Maps an offset inside a scalar's text to a source position (SPEC 1.5): exact for plain and
/// single-quoted scalars on one line, the scalar's start otherwise.
public struct ScalarLocator: Sendable {
    private let start: SourceLocation
    private let exact: Bool
    private let singleQuoted: Bool
    private let value: String

    /// Creates a locator for `node`, which must be a scalar.
    public init(_ node: Node) {
        start = node.location
        let style = node.scalarStyle
        exact = node.endLine == node.location.line && (style == .plain || style == .singleQuoted)
        singleQuoted = style == .singleQuoted
        value = node.scalarValue ?? ""
    }

    /// The position of the scalar at `offset` in the value.
    public func location(ofOffset offset: Int) -> SourceLocation {
        guard exact else { return start }
        guard singleQuoted else { return start.advanced(by: offset) }
        var column = 1
        for scalar in value.unicodeScalars.prefix(offset) { column += scalar == "'" ? 2 : 1 }
        return start.advanced(by: column)
    }
}
