import Text

/// Reading the words of commands written as a string or a list (kinds whose value is a command line).
extension NodeReader {
    /// The words of a command: a YAML list taken item by item, or one string split by POSIX shell
    /// rules (SPEC 1.1) with each `${…}` located in the original scalar. Nil (with an error) when
    /// the value is neither, a word is not text, or the list or string is empty.
    public mutating func commandWords(_ node: Node, key: String) -> (words: [Template], splitFromString: Bool)? {
        if let items = node.sequenceItems {
            let words = items.compactMap { template($0, "a \(key) argument") }
            if items.isEmpty { error("\(key) needs arguments, e.g. `\(key): ps`", at: node.location) }
            return words.count == items.count && !items.isEmpty ? (words, false) : nil
        }
        guard let text = text(node, key) else { return nil }
        let locator = ScalarLocator(node)
        switch ShellWordSplitter.split(text) {
        case .failure(let problem):
            error(problem.message, at: locator.location(ofOffset: problem.offset))
            return nil
        case .success(let split):
            if split.isEmpty {
                error("\(key) needs arguments, e.g. `\(key): ps`", at: node.location)
                return nil
            }
            return (split.map { templateForWord($0, locator: locator) }, true)
        }
    }

    /// Parses `${…}` inside one split word, pointing each reference at its place in the original
    /// scalar; remembers a whole unquoted reference, which may leave an empty argument.
    private mutating func templateForWord(_ word: ShellWord, locator: ScalarLocator) -> Template {
        var found: [Diagnostic] = []
        let offsets = word.offsets
        let wordStart = locator.location(ofOffset: offsets.first ?? 0)
        let locate: TemplateParser.Locator = { offset in
            locator.location(ofOffset: offset < offsets.count ? offsets[offset] : (offsets.last ?? 0))
        }
        let template = templates.parse(word.text, at: wordStart, locate: locate) { found.append($0) }
        diagnostics += found
        if template.parts.count == 1, !word.quoted.contains(true) {
            findings.unquotedWholeWords.append(template)
        }
        return template
    }

    /// Records `template` (written at `node`) as a regex for the compile check; returns it unchanged.
    public mutating func regex(_ template: Template, at node: Node) -> Template {
        findings.regexes.append((template, node.location))
        return template
    }
}
