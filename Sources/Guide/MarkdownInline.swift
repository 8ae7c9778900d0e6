import Frontend

/// The inline markup of a Markdown paragraph for a terminal: **bold**, *emphasis*, `inline code`
/// and links as styled pieces, wrapped greedily to a width.
struct MarkdownInline {
    /// One styled piece of inline text.
    struct Piece {
        var text: String
        var bold = false
        var emphasis = false
        var code = false
    }

    /// The styling (or none).
    let style: TerminalStyle
    /// The columns available, the indent included.
    let width: Int
    /// Spaces before every line.
    let indent: Int

    /// Splits inline markup into styled pieces.
    func pieces(_ text: String) -> [Piece] {
        let characters = Array(VisibleText.sanitize(text))
        var pieces: [Piece] = []
        var current = Piece(text: "")
        var bold = false
        var emphasis = false
        var index = 0
        func emit() {
            if !current.text.isEmpty { pieces.append(current) }
            current = Piece(text: "", bold: bold, emphasis: emphasis)
        }
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count, "\\`*_[]()#+-.!>".contains(characters[index + 1]) {
                current.text.append(characters[index + 1])
                index += 2
                continue
            }
            if character == "`" {
                let ticks = characters[index...].prefix { $0 == "`" }.count
                let closing = Self.find(Array(repeating: Character("`"), count: ticks), in: characters, from: index + ticks)
                if let closing {
                    emit()
                    var code = String(characters[(index + ticks)..<closing])
                    if code.hasPrefix(" ") && code.hasSuffix(" ") && code.count > 1 { code = String(code.dropFirst().dropLast()) }
                    pieces.append(Piece(text: style.enabled ? code : "`\(code)`", bold: bold, emphasis: emphasis, code: true))
                    index = closing + ticks
                    continue
                }
            }
            if character == "*" || character == "_", index + 1 < characters.count, characters[index + 1] == character {
                let marker = [character, character]
                if bold || Self.find(marker, in: characters, from: index + 2) != nil {
                    emit()
                    bold.toggle()
                    current.bold = bold
                    index += 2
                    continue
                }
            }
            if character == "*" || (character == "_" && (index == 0 || characters[index - 1] == " ")) || (character == "_" && emphasis) {
                let opening = !emphasis && index + 1 < characters.count && characters[index + 1] != " "
                if emphasis || (opening && Self.find([character], in: characters, from: index + 1) != nil) {
                    emit()
                    emphasis.toggle()
                    current.emphasis = emphasis
                    index += 1
                    continue
                }
            }
            if character == "[", let close = Self.find(["]", "("], in: characters, from: index + 1),
                let end = Self.find([")"], in: characters, from: close + 2)
            {
                let label = String(characters[(index + 1)..<close])
                let url = String(characters[(close + 2)..<end])
                current.text += label == url ? url : "\(label) (\(url))"
                index = end + 1
                continue
            }
            current.text.append(character)
            index += 1
        }
        emit()
        return pieces
    }

    /// The index where `needle` starts in `characters` at or after `start`.
    private static func find(_ needle: [Character], in characters: [Character], from start: Int) -> Int? {
        guard !needle.isEmpty, start <= characters.count - needle.count else { return nil }
        for index in start...(characters.count - needle.count) where Array(characters[index..<(index + needle.count)]) == needle {
            return index
        }
        return nil
    }

    /// Greedy word wrap of styled pieces; words never split unless longer than a line.
    func wrap(_ pieces: [Piece], firstPrefix: String, restPrefix: String) -> [String] {
        // Words: runs of pieces between spaces, each fragment keeping its piece's style.
        var words: [[Piece]] = []
        var word: [Piece] = []
        let widest = max(10, width - indent - max(visibleCount(firstPrefix), visibleCount(restPrefix)))
        for piece in pieces {
            // Inline code keeps its spacing and stays on one line when it fits on one.
            let keepWhole = piece.code && visibleCount(piece.text) <= widest
            var fragment = Piece(text: "", bold: piece.bold, emphasis: piece.emphasis, code: piece.code)
            for character in piece.text {
                if (character == " " || character == "\t") && !keepWhole {
                    if !fragment.text.isEmpty { word.append(fragment) }
                    fragment.text = ""
                    if !word.isEmpty { words.append(word) }
                    word = []
                } else {
                    fragment.text.append(character)
                }
            }
            if !fragment.text.isEmpty { word.append(fragment) }
        }
        if !word.isEmpty { words.append(word) }

        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var prefix = firstPrefix
        let available = { (prefix: String) in max(10, width - indent - visibleCount(prefix)) }
        func finishLine() {
            lines.append(pad() + prefix + line)
            prefix = restPrefix
            line = ""
            lineWidth = 0
        }
        for word in words {
            let wordWidth = word.reduce(0) { $0 + visibleCount($1.text) }
            if lineWidth > 0 && lineWidth + 1 + wordWidth > available(prefix) { finishLine() }
            if lineWidth > 0 {
                line += " "
                lineWidth += 1
            }
            line += word.map(styled).joined()
            lineWidth += wordWidth
        }
        if lineWidth > 0 || lines.isEmpty { finishLine() }
        return lines
    }

    private func styled(_ piece: Piece) -> String {
        var text = piece.text
        if piece.code { text = style.cyan(text) }
        if piece.bold { text = style.bold(text) }
        if piece.emphasis && style.enabled { text = "\u{1B}[3m" + text + "\u{1B}[23m" }
        return text
    }

    private func pad() -> String { String(repeating: " ", count: indent) }

    /// Columns taken by `text` in a terminal (wide East Asian characters count 2, combining marks 0).
    func visibleCount(_ text: String) -> Int {
        TerminalWidth.columns(of: text)
    }
}
