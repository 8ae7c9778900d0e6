import Foundation

/// YAML front matter at the top of a Markdown file (`---`, `title: …`, `---`, as static site
/// generators read it): not part of the text. Its lines are blanked, so that the scanner does not
/// read the closing `---` as a setext heading and the line numbers stay those of the file.
struct FrontMatter {
    /// The Markdown with the front matter's lines blanked.
    var markdown: String
    /// Its `title:`, if it has one.
    var title: String?

    /// Splits `text`.
    init(_ text: String) {
        markdown = text
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
            let end = lines.indices.dropFirst().first(where: { ["---", "..."].contains(lines[$0].trimmingCharacters(in: .whitespaces)) }),
            lines[1..<end].allSatisfy({ $0.isEmpty || $0.first == " " || $0.first == "#" || $0.first == "-" || $0.contains(":") })
        else { return }
        for index in 1..<end where lines[index].hasPrefix("title:") {
            var value = lines[index].dropFirst("title:".count).trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            if !value.isEmpty { title = value }
        }
        for index in 0...end { lines[index] = "" }
        markdown = lines.joined(separator: "\n")
    }
}
