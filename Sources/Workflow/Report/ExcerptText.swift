/// Turns a stream excerpt (head, omitted lines, tail) into the text a report shows.
public enum ExcerptText {
    /// The marker standing for the lines an excerpt left out.
    public static func omissionMarker(lines: Int) -> String {
        "… \(lines) line\(lines == 1 ? "" : "s") omitted …"
    }

    /// The whole excerpt: head, a `… N lines omitted …` line where lines were left out, tail.
    /// Empty when the stream was empty.
    public static func full(_ excerpt: StreamExcerpt) -> String {
        var text = excerpt.head
        if excerpt.omittedLines > 0 {
            if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
            text += omissionMarker(lines: excerpt.omittedLines) + "\n"
        }
        text += excerpt.tail
        return text
    }

    /// At most `limit` lines from the end of the excerpt, for a short view of a failure; a
    /// marker line stands for the lines not shown, before them and in the excerpt's own gap.
    public static func last(_ limit: Int, of excerpt: StreamExcerpt) -> String {
        let head = lines(of: excerpt.head)
        let all = head + lines(of: excerpt.tail)
        guard all.count > limit else { return full(excerpt) }
        let start = all.count - limit
        let gapInside = excerpt.omittedLines > 0 && start < head.count
        var output = [omissionMarker(lines: start + (gapInside ? 0 : excerpt.omittedLines))]
        for index in start..<all.count {
            if gapInside && index == head.count { output.append(omissionMarker(lines: excerpt.omittedLines)) }
            output.append(all[index])
        }
        return output.joined(separator: "\n") + "\n"
    }

    /// The lines of `text`, without their line feeds.
    static func lines(of text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The quoted lines of a matcher failure, each prefixed by its line number.
    public static func numbered(_ lines: [NumberedLine]) -> String {
        guard let widest = lines.map({ String($0.number).count }).max() else { return "" }
        return lines.map { line in
            let number = String(line.number)
            return String(repeating: " ", count: widest - number.count) + number + "│ " + line.text
        }.joined(separator: "\n") + "\n"
    }
}
