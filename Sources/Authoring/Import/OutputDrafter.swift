import Foundation
import Workflow

/// Turns the output that a tutorial shows under a command into expectations on `output:`: a stable
/// line becomes `contains`; a column header (`CONTAINER ID   IMAGE …`) a `matches` that allows any
/// spacing; a line with parts that change from run to run (ids, digests, dates, times, sizes,
/// durations, "N seconds ago", numbers with a fraction) a `matches` with those parts as regexes.
/// Text that stands for a var or a name (`wbuchwalter` for `${DOCKER_USERNAME}`) becomes that `${…}`.
/// Table rows that name nothing the tutorial runs (other people's images) are left out.
struct OutputDrafter {
    private enum Piece {
        case stable(String)
        case volatile(text: String, regex: String)
        case template(String)
    }

    /// Texts that stand for templates, longest first.
    let known: [OutputStandIn]
    private let volatile = VolatileText(decimals: true)

    /// The note on a column header's matcher.
    static let headerNote = "column headers, with any spacing between them"

    /// Creates a drafter.
    init(known: [OutputStandIn]) {
        self.known = known.sorted { $0.text.count > $1.text.count }
    }

    /// The matchers for `lines`, and remarks about what was left out; `relevant` holds the words
    /// that the tutorial's commands use so far (image and container names), which tell the table
    /// rows that matter.
    func draft(_ lines: [String], relevant: Set<String>) -> (matchers: [DraftMatcher], notes: [String]) {
        var matchers: [DraftMatcher] = []
        var notes: [String] = []
        var inTable = false
        var imageTable = false
        var leftOut: [String] = []
        var leftOutListing = 0
        for raw in lines {
            let line = raw.replacingOccurrences(of: "\t", with: "    ")
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || ["...", "…", "[...]"].contains(trimmed) || trimmed.count >= 3 && trimmed.allSatisfy({ $0 == "." }) {
                inTable = false
                continue
            }
            // A file listing (`ls -l`) depends on the image and the day: no expectation.
            if trimmed.range(of: #"^(?:[dlcbps-][rwxsStT-]{9}[.+@]?\s|total \d+$)"#, options: .regularExpression) != nil {
                leftOutListing += 1
                continue
            }
            if let header = Self.headerCells(trimmed) {
                inTable = true
                imageTable = header.count > 1 && header[0] == "REPOSITORY" && header[1] == "TAG"
                // Docker before 1.11 called the SIZE column VIRTUAL SIZE.
                let regex = "^" + header.map { $0 == "VIRTUAL SIZE" ? "(?:VIRTUAL )?SIZE" : Self.regexEscape($0) }.joined(separator: " +")
                matchers.append(DraftMatcher(kind: .matches, value: regex, note: Self.headerNote))
                continue
            }
            let pieces = self.pieces(line)
            if inTable {
                let cells = trimmed.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                let mentions =
                    pieces.contains { if case .template = $0 { true } else { false } }
                    || (imageTable
                        ? Self.namesImage(cells, relevant: relevant)
                        : cells.contains { cell in relevant.contains(cell) || relevant.contains(Self.withoutTag(cell)) })
                guard mentions else {
                    leftOut.append(cells.prefix(2).joined(separator: "  "))
                    continue
                }
            }
            matchers.append(matcher(for: pieces, table: inTable))
        }
        if leftOutListing > 0 {
            let lines = "\(leftOutListing) line\(leftOutListing == 1 ? "" : "s")"
            notes.append("left out \(lines) of a file listing, which changes from image to image")
        }
        if !leftOut.isEmpty {
            notes.append(
                "left out \(leftOut.count) table row\(leftOut.count == 1 ? "" : "s") naming nothing this tutorial runs: "
                    + leftOut.map { "`\($0)`" }.joined(separator: ", "))
        }
        var seen = Set<DraftMatcher>()
        matchers = matchers.filter { seen.insert(DraftMatcher(kind: $0.kind, value: $0.value)).inserted }
        return (matchers, notes)
    }

    private func matcher(for pieces: [Piece], table: Bool) -> DraftMatcher {
        let changing = pieces.compactMap { if case .volatile(let text, _) = $0 { text } else { nil } }
        guard changing.isEmpty else {
            var regex = "^"
            for piece in pieces {
                switch piece {
                case .stable(let text): regex += Self.regexEscape(text)
                case .volatile(_, let pattern): regex += pattern
                case .template(let template): regex += Self.regexTemplate(template)
                }
            }
            let shown = changing.prefix(3).map { "`\($0)`" }.joined(separator: ", ") + (changing.count > 3 ? ", …" : "")
            return DraftMatcher(kind: .matches, value: regex + "$", note: "changes from run to run, so a regex: \(shown)")
        }
        var text = ""
        for piece in pieces {
            if case .stable(let stable) = piece { text += stable.replacingOccurrences(of: "$", with: "$$") }
            if case .template(let template) = piece { text += template }
        }
        return DraftMatcher(kind: .contains, value: text.trimmingCharacters(in: .whitespaces))
    }

    /// `line` cut into stable text, changing parts and known texts.
    private func pieces(_ line: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(line)
        while !rest.isEmpty {
            guard let (found, item) = firstKnown(in: rest) else { break }
            if found.lowerBound > rest.startIndex { pieces += volatilePieces(String(rest[..<found.lowerBound])) }
            pieces.append(.template(item.template))
            rest = rest[found.upperBound...]
        }
        if !rest.isEmpty { pieces += volatilePieces(String(rest)) }
        return pieces
    }

    private func volatilePieces(_ text: String) -> [Piece] {
        volatile.segments(text).map { segment in
            switch segment {
            case .stable(let stable): .stable(stable)
            case .volatile(let text, _, let regex): .volatile(text: text, regex: regex)
            }
        }
    }

    /// The earliest known text in `text`, standing alone (not inside a longer word).
    private func firstKnown(in text: Substring) -> (Range<Substring.Index>, OutputStandIn)? {
        var best: (Range<Substring.Index>, OutputStandIn)?
        for item in known {
            var search = text.startIndex
            while let range = text[search...].range(of: item.text) {
                if Self.standsAlone(range, in: text, item.text) {
                    if let current = best, current.0.lowerBound <= range.lowerBound { break }
                    best = (range, item)
                    break
                }
                search = range.upperBound
            }
        }
        return best
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// True when the text at `range` is not part of a longer name: no word character, `/`, `.` or
    /// `-` before it (`static-site` is not in `dockersamples/static-site`), no word character or `-`
    /// after it, but `->` may follow (`:8080->80/tcp`).
    private static func standsAlone(_ range: Range<Substring.Index>, in text: Substring, _ item: String) -> Bool {
        let joins: (Character) -> Bool = { isWordCharacter($0) || $0 == "/" || $0 == "." || $0 == "-" }
        if let first = item.first, isWordCharacter(first), range.lowerBound > text.startIndex,
            joins(text[text.index(before: range.lowerBound)])
        {
            return false
        }
        guard let last = item.last, isWordCharacter(last), range.upperBound < text.endIndex else { return true }
        let after = text[range.upperBound]
        if after == "-", text[range.upperBound...].hasPrefix("->") { return true }
        // `wbuchwalter/tf-mnist`: a name may start a longer path.
        return !isWordCharacter(after) && after != "-"
    }

    /// For a row of `docker images`: true when the tutorial uses that repository with that tag
    /// (`alpine  3.3` is someone's image when the tutorial only runs `alpine`).
    private static func namesImage(_ cells: [String], relevant: Set<String>) -> Bool {
        guard cells.count > 1 else { return false }
        return relevant.contains("\(cells[0]):\(cells[1])") || cells[1] == "latest" && relevant.contains(cells[0])
    }

    /// The cells of a column-header line (`CONTAINER ID   IMAGE   COMMAND`), or nil for any other line.
    static func headerCells(_ line: String) -> [String]? {
        let cells = line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard cells.count >= 2 else { return nil }
        let allowed = CharacterSet.uppercaseLetters.union(.decimalDigits).union(CharacterSet(charactersIn: " /%._-()"))
        let headerLike = cells.allSatisfy { cell in
            cell.unicodeScalars.allSatisfy { allowed.contains($0) }
                && cell.unicodeScalars.contains { CharacterSet.uppercaseLetters.contains($0) }
        }
        return headerLike ? cells : nil
    }

    /// Text as an ICU regex that matches it; a run of two blanks or more (table padding) as ` +`.
    static func regexEscape(_ text: String) -> String {
        var output = ""
        var blanks = 0
        func flush() {
            output += blanks == 1 ? " " : (blanks > 1 ? " +" : "")
            blanks = 0
        }
        for character in text {
            if character == " " || character == "\t" {
                blanks += 1
                continue
            }
            flush()
            if "\\^$.|?*+()[]{}".contains(character) { output += "\\" }
            output.append(character)
        }
        flush()
        return output
    }

    /// A template inside a regex: its literal parts escaped, its `${…}` kept (the runner escapes their values).
    static func regexTemplate(_ template: String) -> String {
        var output = ""
        var rest = Substring(template)
        while let open = rest.range(of: "${"), let close = rest[open.upperBound...].firstIndex(of: "}") {
            output += regexEscape(String(rest[..<open.lowerBound]))
            output += rest[open.lowerBound...close]
            rest = rest[rest.index(after: close)...]
        }
        return output + regexEscape(String(rest))
    }

    /// An image name without its `:tag`.
    static func withoutTag(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":"), !name[colon...].contains("/") else { return name }
        return String(name[..<colon])
    }
}
