import Foundation
import Text

/// The prose around a command of a tutorial: the paragraph that introduces it (with the list it
/// announces), the heading and list item it belongs to.
struct TutorialProse {
    /// The document.
    let document: MarkdownDocument

    /// The prose right before the block at `index` (a fence): the paragraph before it, or the list
    /// before it together with the paragraph that announces that list (ending with `:`).
    func before(_ index: Int) -> String? {
        let blocks = document.blocks
        var cursor = index - 1
        while cursor >= 0, blocks[cursor].kind == .paragraph, Self.isDocsNote(blocks[cursor].text) { cursor -= 1 }
        guard cursor >= 0, blocks[cursor].isProse else { return nil }
        let owner = blocks[index].listPath
        if blocks[cursor].listPath.count > owner.count {
            var items: [String] = []
            while cursor >= 0, blocks[cursor].isProse, blocks[cursor].listPath.count > owner.count {
                if blocks[cursor].opensListItem, blocks[cursor].listPath.count == owner.count + 1 {
                    items.insert(blocks[cursor].text, at: 0)
                }
                cursor -= 1
            }
            guard !items.isEmpty else { return nil }
            let list = items.map { "- " + $0.replacingOccurrences(of: "\n", with: "\n  ") }.joined(separator: "\n")
            if cursor >= 0, blocks[cursor].isProse, blocks[cursor].text.hasSuffix(":"), !isLoneCommand(blocks[cursor].text) {
                return blocks[cursor].text + "\n\n" + list
            }
            return list
        }
        return isLoneCommand(blocks[cursor].text) ? nil : blocks[cursor].text
    }

    /// The prose of the paragraph at `index`, which holds a command in a code span: the paragraph
    /// itself (with the list it announces), or, when it is nothing but that code span (a list item
    /// named after the command), the paragraph after it in the same list item.
    func around(_ index: Int) -> String? {
        let blocks = document.blocks
        let block = blocks[index]
        if isLoneCommand(block.text) {
            let next = index + 1
            guard next < blocks.count, blocks[next].isProse, !blocks[next].opensListItem, blocks[next].listPath == block.listPath else {
                return nil
            }
            return blocks[next].text
        }
        guard block.text.hasSuffix(":") else { return block.text }
        var items: [String] = []
        var cursor = index + 1
        while cursor < blocks.count, blocks[cursor].isProse, blocks[cursor].listPath.count > block.listPath.count {
            if blocks[cursor].opensListItem, blocks[cursor].listPath.count == block.listPath.count + 1 { items.append(blocks[cursor].text) }
            cursor += 1
        }
        guard !items.isEmpty else { return block.text }
        return block.text + "\n\n" + items.map { "- " + $0.replacingOccurrences(of: "\n", with: "\n  ") }.joined(separator: "\n")
    }

    /// The folder that a `runbook docs` note right before the fence at `index` names
    /// ("In the folder `src`:"), if there is one.
    func folder(before index: Int) -> String? {
        var cursor = index - 1
        while cursor >= 0, document.blocks[cursor].kind == .paragraph, Self.isDocsNote(document.blocks[cursor].text) {
            let text = document.blocks[cursor].text
            if text.hasPrefix(Self.folderNote), text.hasSuffix("`:") {
                return String(text.dropFirst(Self.folderNote.count).dropLast(2))
            }
            cursor -= 1
        }
        return nil
    }

    /// True when the paragraph right before the fence at `index` introduces a file's content
    /// (it names a file, `app.py` or `Dockerfile`, says "file", "script" or "content", and ends
    /// with `:`): the block shows a script, it does not run one.
    func showsFile(before index: Int) -> Bool {
        guard index > 0, document.blocks[index - 1].isProse else { return false }
        let text = document.blocks[index - 1].text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasSuffix(":") || text.hasSuffix(")") || text.hasSuffix("):") else { return false }
        let lower = text.lowercased()
        let keywords = #"\b(files?|scripts?|contents?|save|looks like)\b|do not type|don't type"#
        let says = lower.range(of: keywords, options: .regularExpression) != nil
        // A block with `$ ` prompts shows commands being typed.
        if document.blocks[index].lines.contains(where: { FencedCommandParser.promptRest($0, root: false) != nil }) { return false }
        let files = InlineCode.spans(in: text).filter { span in
            !span.contains(" ")
                && (span.range(of: #"\.[A-Za-z]{1,5}$"#, options: .regularExpression) != nil
                    || ["Dockerfile", "Makefile", "Procfile"].contains((span as NSString).lastPathComponent))
        }
        // A block that runs the file it names (`./run.sh`, `python3 app.py`) runs it.
        let first = document.blocks[index].lines.first { !$0.allSatisfy(\.isWhitespace) && !$0.hasPrefix("#") } ?? ""
        let runs = files.contains { file in first.split(separator: " ").contains { $0.hasSuffix(file) } }
        return says && !files.isEmpty && !runs
    }

    /// The line `runbook docs` writes before a command that runs in a folder.
    static let folderNote = "In the folder `"
    /// The line `runbook docs` writes before what a command reads on its standard input.
    static let inputNote = "It reads this on its standard input:"
    /// The line `runbook docs` writes before a sample output.
    static let outputNote = "Output of a passing run:"

    /// True for the lines `runbook docs` adds around a command (conditions, folder, input, output):
    /// they are not the prose that introduces it.
    static func isDocsNote(_ text: String) -> Bool {
        (text.hasPrefix(folderNote) && text.hasSuffix("`:")) || text == inputNote || text == outputNote
            || (text.hasPrefix("_Only when ") && text.hasSuffix("_"))
    }

    /// The opening text of the outermost list item holding the block at `index`, if any.
    func listText(_ index: Int) -> String? {
        guard let outer = document.blocks[index].listPath.first, let text = document.itemTexts[outer], !text.isEmpty else { return nil }
        return text
    }

    /// A heading or list text as a title: plain text, without a leading number ("1.", "Step 2:").
    static func title(_ markdown: String) -> String {
        var text = InlineCode.plain(markdown)
        if let range = text.range(of: #"^(?:[Ss]tep\s+)?\d+[.):]\s+"#, options: .regularExpression) { text.removeSubrange(range) }
        return text
    }

    /// True when `text` is nothing but one code span.
    func isLoneCommand(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("`"), trimmed.hasSuffix("`"), InlineCode.spans(in: trimmed).count == 1 else { return false }
        let ticks = trimmed.prefix { $0 == "`" }.count
        return trimmed.dropFirst(ticks).dropLast(ticks).allSatisfy { $0 != "`" }
    }
}
