import Foundation
import Frontend
import Text

/// Renders the markdown of a step's `say:` for a terminal: headings, **bold**, *emphasis*,
/// `inline code`, fenced code blocks, bullet and numbered lists, quotes and links, each paragraph
/// wrapped to the width. The blocks are the project's one Markdown block scanner's
/// (`MarkdownDocument`); the inline markup is `MarkdownInline`'s.
///
/// Without colour, inline code keeps its backticks and bold its text as is, so that the text
/// stays readable in a plain log. Control characters are made visible first.
struct MarkdownRenderer {
    /// The styling (or none).
    let style: TerminalStyle
    /// The columns available, the indent included.
    let width: Int
    /// Spaces before every line.
    var indent: Int = 2

    /// The lines to print, without newlines.
    func render(_ markdown: String) -> [String] {
        let inline = MarkdownInline(style: style, width: width, indent: indent)
        var output: [String] = []
        var previousLine = 0
        func blank() {
            if let last = output.last, !last.isEmpty { output.append("") }
        }
        for block in MarkdownDocument(markdown).blocks {
            // A blank line of the text between two blocks stays one; blocks that touch stay together.
            let separated = block.line > previousLine + 1
            previousLine = block.lastLine
            switch block.kind {
            case .heading(let level):
                blank()
                let text = inline.pieces(block.text).map { piece in
                    var bold = piece
                    bold.bold = true
                    return bold
                }
                output += inline.wrap(text, firstPrefix: "", restPrefix: "")
                if level == 1 {
                    let rule = min(width - indent, max(3, inline.visibleCount(block.text)))
                    output.append(pad() + style.dim(String(repeating: "─", count: rule)))
                }
            case .fence:
                blank()
                output += block.lines.map { pad() + "  " + style.cyan(VisibleText.sanitize($0)) }
                blank()
            case .quote:
                if separated { blank() }
                for line in block.text.split(separator: "\n", omittingEmptySubsequences: false) {
                    output += inline.wrap(inline.pieces(String(line)), firstPrefix: "│ ", restPrefix: "│ ").map { style.dim($0) }
                }
            case .table:
                if separated { blank() }
                output += block.text.split(separator: "\n").map { pad() + VisibleText.sanitize(String($0)) }
            case .paragraph, .html:
                if separated { blank() }
                let pieces = inline.pieces(block.text.replacingOccurrences(of: "\n", with: " "))
                guard block.opensListItem, let marker = block.listMarker else {
                    output += inline.wrap(pieces, firstPrefix: "", restPrefix: "")
                    continue
                }
                let display = String(repeating: "  ", count: min(max(0, block.listPath.count - 1), 3)) + Self.display(marker)
                let hanging = String(repeating: " ", count: inline.visibleCount(display))
                output += inline.wrap(pieces, firstPrefix: display, restPrefix: hanging)
            }
        }
        while output.last?.isEmpty == true { output.removeLast() }
        return output
    }

    private func pad() -> String { String(repeating: " ", count: indent) }

    /// `•` for a bullet (`-`, `*`, `+`), `N.` for a numbered item (`N.` or `N)`), followed by a space.
    private static func display(_ marker: String) -> String {
        guard let last = marker.last, last == "." || last == ")" else { return "• " }
        return marker.dropLast() + ". "
    }
}
