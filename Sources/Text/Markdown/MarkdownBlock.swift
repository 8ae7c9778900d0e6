/// One block of a Markdown document as the tutorial importer reads it, in document order.
public struct MarkdownBlock: Sendable, Hashable {
    /// What kind of block it is.
    public enum Kind: Sendable, Hashable {
        /// An ATX (`#`…`######`) or setext heading, with its level.
        case heading(level: Int)
        /// Running text: a paragraph, or the text that opens a list item.
        case paragraph
        /// A `>` quote (its markers removed).
        case quote
        /// A `|` table.
        case table
        /// A line of HTML, such as `<details>`.
        case html
        /// A fenced code block and the first word of its info string, lower-cased ("" when none).
        case fence(language: String)
    }

    /// The kind.
    public var kind: Kind
    /// Headings, paragraphs, quotes, tables and HTML: the text, lines joined by "\n", markers and
    /// indentation removed. Fences: empty (see `lines`).
    public var text: String
    /// A fence's content lines, without the fence's indentation.
    public var lines: [String]
    /// The block's first line in the file (a fence: its opening line), 1-based.
    public var line: Int
    /// The list items that hold the block, outermost first (keys of `MarkdownDocument.itemTexts`).
    public var listPath: [Int]
    /// True for the paragraph that opens its list item (the item's own text).
    public var opensListItem: Bool
    /// The marker of the list item the block opens, as written (`-`, `*`, `1.`, `2)`); nil for any other block.
    public var listMarker: String?
    /// The block's last line in the file (a fence: its closing line), 1-based.
    public var lastLine = 0

    /// The fence's language, or nil for any other block.
    public var fenceLanguage: String? {
        if case .fence(let language) = kind { return language }
        return nil
    }

    /// True for paragraphs and quotes, the blocks whose text is running text.
    public var isProse: Bool { kind == .paragraph || kind == .quote }
}
