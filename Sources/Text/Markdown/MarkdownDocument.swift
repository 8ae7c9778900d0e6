/// A Markdown document cut into blocks, and the opening text of each list item.
public struct MarkdownDocument: Sendable {
    /// The blocks, in document order.
    public var blocks: [MarkdownBlock]
    /// The opening text of each list item, by the item's id.
    public var itemTexts: [Int: String]

    /// Scans `text`.
    public init(_ text: String) {
        var scanner = MarkdownScanner()
        scanner.scan(text)
        blocks = scanner.blocks
        itemTexts = scanner.itemTexts
    }
}
