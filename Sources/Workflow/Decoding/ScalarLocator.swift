/// Maps an offset inside a scalar's text to a source position (SPEC 1.5): exact for plain and
/// single-quoted scalars on one line, the scalar's start otherwise.
public struct ScalarLocator: Sendable {
    private let start: SourceLocation
    private let exact: Bool
    private let singleQuoted: Bool
    /// Offsets (in Unicode scalars of the value) of each `'`, which the source writes as `''`;
    /// found once, so that many lookups in one long scalar stay linear.
    private let quoteOffsets: [Int]

    /// Creates a locator for `node`, which must be a scalar.
    public init(_ node: Node) {
        start = node.location
        let style = node.scalarStyle
        exact = node.endLine == node.location.line && (style == .plain || style == .singleQuoted)
        singleQuoted = style == .singleQuoted
        var offsets: [Int] = []
        if exact && singleQuoted, let value = node.scalarValue {
            for (offset, scalar) in value.unicodeScalars.enumerated() where scalar == "'" { offsets.append(offset) }
        }
        quoteOffsets = offsets
    }

    /// The position of the scalar at `offset` in the value.
    public func location(ofOffset offset: Int) -> SourceLocation {
        guard exact else { return start }
        guard singleQuoted else { return start.advanced(by: offset) }
        return start.advanced(by: 1 + offset + quotes(before: offset))
    }

    /// How many `'` come before `offset` (a binary search).
    private func quotes(before offset: Int) -> Int {
        var low = 0
        var high = quoteOffsets.count
        while low < high {
            let middle = (low + high) / 2
            if quoteOffsets[middle] < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
