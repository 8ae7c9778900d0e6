/// Inline Markdown: code spans (CommonMark's rules) and the plain text of a line.
public enum InlineCode {
    /// The contents of every code span of `text`, in order: a run of N backticks up to the next run
    /// of exactly N; line breaks become spaces and one space on each side is removed when both are there.
    public static func spans(in text: String) -> [String] {
        let characters = Array(text)
        var spans: [String] = []
        var index = 0
        while index < characters.count {
            if characters[index] == "\\" {
                index += 2
                continue
            }
            guard characters[index] == "`" else {
                index += 1
                continue
            }
            let length = run(characters, at: index)
            var search = index + length
            var closing: Int?
            while search < characters.count {
                if characters[search] == "`" {
                    let found = run(characters, at: search)
                    if found == length {
                        closing = search
                        break
                    }
                    search += found
                } else {
                    search += 1
                }
            }
            guard let end = closing else {
                index += length
                continue
            }
            var content = String(characters[(index + length)..<end]).replacingOccurrences(of: "\n", with: " ")
            if content.count >= 2, content.hasPrefix(" "), content.hasSuffix(" "), content.contains(where: { $0 != " " }) {
                content = String(content.dropFirst().dropLast())
            }
            spans.append(content)
            index = end + length
        }
        return spans
    }

    /// `text` without Markdown's inline markup: code spans keep their content, links their text,
    /// emphasis markers and images go; line breaks become spaces.
    public static func plain(_ text: String) -> String {
        var output = ""
        let characters = Array(text.replacingOccurrences(of: "\n", with: " "))
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "`":
                index += run(characters, at: index)
            case "*", "_":
                let previous = index > 0 ? characters[index - 1] : " "
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                if character == "_" && previous.isLetter && next.isLetter { output.append(character) }
                index += 1
            case "!" where index + 1 < characters.count && characters[index + 1] == "[":
                index += 1
            case "[":
                if let close = characters[index...].firstIndex(of: "]"), close + 1 < characters.count, characters[close + 1] == "(",
                    let end = characters[close...].firstIndex(of: ")")
                {
                    output += String(characters[(index + 1)..<close])
                    index = end + 1
                } else {
                    output.append(character)
                    index += 1
                }
            default:
                output.append(character)
                index += 1
            }
        }
        return output.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    private static func run(_ characters: [Character], at index: Int) -> Int {
        var end = index
        while end < characters.count, characters[end] == "`" { end += 1 }
        return end - index
    }
}
