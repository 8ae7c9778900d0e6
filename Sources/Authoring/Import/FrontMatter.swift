import Foundation

/// YAML front matter of a Markdown file (`---`, `title: …`, `---`, as static site generators read
/// it): not part of the text. Its lines are blanked, so that the scanner does not read the closing
/// `---` as a setext heading and line numbers stay those of the file. Pages joined into one text
/// each bring theirs: a block of `key: value` lines between `---` lines after a blank line is one too.
struct FrontMatter {
    /// The Markdown with the front matter's lines blanked.
    var markdown: String
    /// The first `title:`, if there is one.
    var title: String?

    /// Splits `text`.
    init(_ text: String) {
        markdown = text
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var start = 0
        var changed = false
        while start < lines.count {
            defer { start += 1 }
            guard Self.isFence(lines[start]), start == 0 || lines[start - 1].trimmingCharacters(in: .whitespaces).isEmpty,
                let end = lines.indices.dropFirst(start + 1).first(where: { Self.isFence(lines[$0]) || !Self.isEntry(lines[$0]) }),
                Self.isFence(lines[end]), end > start + 1
            else { continue }
            for index in (start + 1)..<end where title == nil && lines[index].hasPrefix("title:") {
                var value = lines[index].dropFirst("title:".count).trimmingCharacters(in: .whitespaces)
                if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                    value = String(value.dropFirst().dropLast())
                }
                if !value.isEmpty { title = value }
            }
            for index in start...end { lines[index] = "" }
            changed = true
            start = end
        }
        if changed { markdown = lines.joined(separator: "\n") }
    }

    private static func isFence(_ line: String) -> Bool {
        line.trimmingCharacters(in: .whitespaces) == "---"
    }

    /// A line of front matter: `key: value`, `key:`, a list item or a nested line under a key.
    private static func isEntry(_ line: String) -> Bool {
        line.range(of: #"^(?:[A-Za-z_][\w-]*:(?:\s.*)?|\s+\S.*|- .*)$"#, options: .regularExpression) != nil
    }
}
