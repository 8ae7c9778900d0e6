import Foundation

/// Cuts Markdown into the blocks that matter for importing a tutorial: headings, paragraphs, quotes,
/// tables, HTML lines and fenced code blocks, each with the list items that hold it.
///
/// It follows CommonMark where tutorials rely on it (fences of three or more backticks or tildes,
/// closed by a fence at least as long; list items nested by indentation; lazy paragraph lines;
/// setext headings) and is lax elsewhere: indented code blocks are read as text, and HTML is only
/// recognised line by line.
public struct MarkdownScanner {
    private struct OpenItem {
        var id: Int
        var markerIndent: Int
        var contentIndent: Int
        var marker: String
    }

    private struct OpenFence {
        var marker: Character
        var length: Int
        var indent: Int
        var language: String
        var line: Int
        var path: [Int]
        var lines: [String] = []
        var lastLine: Int
    }

    private struct OpenText {
        var kind: MarkdownBlock.Kind
        var lines: [String]
        var line: Int
        var path: [Int]
        var opensItem: Bool
        var lastLine: Int
        /// The marker of the item the text opens.
        var marker: String?
    }

    /// The blocks found so far.
    private(set) var blocks: [MarkdownBlock] = []
    /// The opening text of each list item.
    private(set) var itemTexts: [Int: String] = [:]
    private var items: [OpenItem] = []
    private var nextItem = 0
    private var fence: OpenFence?
    private var open: OpenText?
    private var inComment = false

    /// Creates a scanner.
    public init() {}

    /// Scans a whole document.
    public mutating func scan(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, raw) in lines.enumerated() {
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            consume(Self.expandTabs(line), number: offset + 1)
        }
        if let fence { emitFence(fence) }
        self.fence = nil
        flush()
    }

    private mutating func consume(_ line: String, number: Int) {
        if let current = fence {
            fence?.lastLine = number
            if Self.closes(line, current) {
                emitFence(fence ?? current)
                fence = nil
            } else {
                fence?.lines.append(Self.dropIndent(line, current.indent))
            }
            return
        }
        if inComment {
            if line.contains("-->") { inComment = false }
            return
        }
        let indent = line.prefix { $0 == " " }.count
        let body = String(line.dropFirst(indent))
        if body.allSatisfy(\.isWhitespace) {
            flush()
            return
        }
        if let current = open, current.kind == .paragraph, let level = Self.setextLevel(body) {
            open = nil
            var heading = block(.heading(level: level), current.lines.joined(separator: " "), line: current.line, path: current.path)
            heading.lastLine = number
            blocks.append(heading)
            return
        }
        if open?.kind == .quote, body.hasPrefix(">") {
            open?.lines.append(Self.trimmed(Self.quoteText(body)))
            open?.lastLine = number
            return
        }
        if let current = open, current.kind == .paragraph || current.kind == .quote, !Self.startsBlock(body) {
            open?.lines.append(Self.trimmed(body))
            open?.lastLine = number
            return
        }
        if open?.kind == .table, body.hasPrefix("|") {
            open?.lines.append(Self.trimmed(body))
            open?.lastLine = number
            return
        }
        flush()
        while let top = items.last, indent < top.contentIndent { items.removeLast() }
        dispatch(body, indent: indent, number: number, opensItem: false)
    }

    /// Handles a line that starts a block: what `body` (at `indent`) opens.
    private mutating func dispatch(_ body: String, indent: Int, number: Int, opensItem: Bool) {
        let path = items.map(\.id)
        if let opening = Self.fenceOpening(body) {
            fence = OpenFence(
                marker: opening.marker, length: opening.length, indent: indent, language: opening.language, line: number, path: path,
                lastLine: number)
            return
        }
        if let heading = Self.atxHeading(body) {
            blocks.append(block(.heading(level: heading.level), heading.text, line: number, path: path))
            return
        }
        if Self.isThematicBreak(body) { return }
        if let item = Self.listItem(body) {
            nextItem += 1
            items.append(OpenItem(id: nextItem, markerIndent: indent, contentIndent: indent + item.contentOffset, marker: item.marker))
            itemTexts[nextItem] = ""
            if !item.rest.isEmpty { dispatch(item.rest, indent: indent + item.contentOffset, number: number, opensItem: true) }
            return
        }
        if body.hasPrefix(">") {
            open = OpenText(
                kind: .quote, lines: [Self.trimmed(Self.quoteText(body))], line: number, path: path, opensItem: opensItem, lastLine: number,
                marker: opensItem ? items.last?.marker : nil)
            return
        }
        if body.hasPrefix("<!--") {
            inComment = !body.contains("-->")
            return
        }
        if Self.isHTML(body) {
            blocks.append(block(.html, Self.trimmed(body), line: number, path: path))
            return
        }
        let kind: MarkdownBlock.Kind = body.hasPrefix("|") ? .table : .paragraph
        open = OpenText(
            kind: kind, lines: [Self.trimmed(body)], line: number, path: path, opensItem: opensItem, lastLine: number,
            marker: opensItem ? items.last?.marker : nil)
    }

    private mutating func flush() {
        guard let current = open else { return }
        open = nil
        let text = current.lines.joined(separator: "\n")
        var made = block(current.kind, text, line: current.line, path: current.path)
        made.opensListItem = current.opensItem
        made.lastLine = current.lastLine
        made.listMarker = current.marker
        if current.opensItem, let id = current.path.last { itemTexts[id] = text }
        blocks.append(made)
    }

    private mutating func emitFence(_ fence: OpenFence) {
        blocks.append(
            MarkdownBlock(
                kind: .fence(language: fence.language), text: "", lines: fence.lines, line: fence.line, listPath: fence.path,
                opensListItem: false, lastLine: fence.lastLine))
    }

    private func block(_ kind: MarkdownBlock.Kind, _ text: String, line: Int, path: [Int]) -> MarkdownBlock {
        MarkdownBlock(kind: kind, text: text, lines: [], line: line, listPath: path, opensListItem: false, lastLine: line)
    }

    // MARK: - Line shapes

    private static func expandTabs(_ line: String) -> String {
        guard line.contains("\t") else { return line }
        var output = ""
        var column = 0
        for character in line {
            if character == "\t" {
                let width = 4 - column % 4
                output += String(repeating: " ", count: width)
                column += width
            } else {
                output.append(character)
                column += 1
            }
        }
        return output
    }

    private static func trimmed(_ text: String) -> String {
        var result = Substring(text)
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return String(result)
    }

    private static func quoteText(_ body: String) -> String {
        var text = body.dropFirst()
        if text.hasPrefix(" ") { text = text.dropFirst() }
        return String(text)
    }

    private static func dropIndent(_ line: String, _ indent: Int) -> String {
        let spaces = min(indent, line.prefix { $0 == " " }.count)
        return String(line.dropFirst(spaces))
    }

    private static func fenceOpening(_ body: String) -> (marker: Character, length: Int, language: String)? {
        guard let marker = body.first, marker == "`" || marker == "~" else { return nil }
        let length = body.prefix { $0 == marker }.count
        guard length >= 3 else { return nil }
        let info = body.dropFirst(length).trimmingCharacters(in: .whitespaces)
        if marker == "`" && info.contains("`") { return nil }
        let word = info.split(separator: " ").first.map(String.init) ?? ""
        let language = word.drop { $0 == "{" || $0 == "." }.prefix { $0 != "}" && $0 != "," }.lowercased()
        return (marker, length, language)
    }

    private static func closes(_ line: String, _ fence: OpenFence) -> Bool {
        let body = line.drop { $0 == " " }
        let run = body.prefix { $0 == fence.marker }.count
        return run >= fence.length && body.dropFirst(run).allSatisfy(\.isWhitespace)
    }

    private static func atxHeading(_ body: String) -> (level: Int, text: String)? {
        let level = body.prefix { $0 == "#" }.count
        guard (1...6).contains(level) else { return nil }
        let rest = body.dropFirst(level)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var text = rest.trimmingCharacters(in: .whitespaces)
        let closing = text.reversed().prefix { $0 == "#" }.count
        if closing > 0, closing == text.count || text.dropLast(closing).last == " " {
            text = String(text.dropLast(closing)).trimmingCharacters(in: .whitespaces)
        }
        return (level, text)
    }

    private static func setextLevel(_ body: String) -> Int? {
        let text = body.trimmingCharacters(in: .whitespaces)
        guard let first = text.first, first == "=" || first == "-", text.allSatisfy({ $0 == first }) else { return nil }
        return first == "=" ? 1 : 2
    }

    private static func isThematicBreak(_ body: String) -> Bool {
        let marks = body.filter { $0 != " " }
        guard let first = marks.first, "-*_".contains(first), marks.count >= 3 else { return false }
        return marks.allSatisfy { $0 == first }
    }

    private static func listItem(_ body: String) -> (contentOffset: Int, rest: String, marker: String)? {
        var marker = 0
        if let first = body.first, "-*+".contains(first) {
            marker = 1
        } else {
            let digits = body.prefix { $0.isASCII && $0.isNumber }.count
            guard (1...9).contains(digits), body.dropFirst(digits).first.map({ $0 == "." || $0 == ")" }) == true else { return nil }
            marker = digits + 1
        }
        let after = body.dropFirst(marker)
        let written = String(body.prefix(marker))
        if after.isEmpty { return (marker + 1, "", written) }
        guard after.first == " " else { return nil }
        let spaces = after.prefix { $0 == " " }.count
        let rest = String(after.dropFirst(spaces))
        return (marker + (spaces > 4 || rest.isEmpty ? 1 : spaces), trimmed(rest), written)
    }

    private static func isHTML(_ body: String) -> Bool {
        guard body.first == "<", let next = body.dropFirst().first else { return false }
        return next.isLetter || next == "/" || next == "!"
    }

    private static func startsBlock(_ body: String) -> Bool {
        fenceOpening(body) != nil || atxHeading(body) != nil || listItem(body) != nil || body.hasPrefix(">")
            || body.hasPrefix("|") || isHTML(body) || isThematicBreak(body)
    }
}
