import Foundation
import Text

/// Reads a Markdown tutorial into the commands it shows, in document order, each with its
/// context: command blocks (and blocks with `$ ` prompts), code spans in running text that start
/// with a program a kind drafts, the output block after a command, `cd` folders, and the
/// text of a `<details>` block as a hint.
struct TutorialReader {
    /// What a tutorial holds.
    struct Content: Sendable {
        /// Its first top-level heading.
        var title: String?
        /// The prose after the title, before the first command.
        var description: String?
        /// The commands, in document order.
        var commands: [TutorialCommand]
        /// Each paragraph of running text (for the descriptions of vars).
        var paragraphs: [String]
        /// Commands of the text that are no steps, and why (`# drafted:` notes at the top).
        var skipped: [String] = []
    }

    private let drafters: Drafters
    private let document: MarkdownDocument
    private let prose: TutorialProse
    private var content = Content(commands: [], paragraphs: [])
    private var section = 0
    private var heading: String?
    private var cwd: String?
    private var cwdLine: Int?
    /// Whether the folder of the commands is one that a `git clone` made.
    private var cloned = false
    /// The repositories cloned so far, with the line of their clone.
    private var clones: [String: (line: Int, cwd: String?)] = [:]
    private var awaitingOutput: Int?
    private var details: (target: Int?, text: [String])?

    /// Reads `markdown`; `drafters` tell which code spans of running text are commands.
    init(markdown: String, drafters: Drafters) {
        self.drafters = drafters
        document = MarkdownDocument(markdown)
        prose = TutorialProse(document: document)
    }

    /// The commands and context of the tutorial.
    mutating func read() -> Content {
        for index in document.blocks.indices { visit(index) }
        closeDetails()
        return content
    }

    private mutating func visit(_ index: Int) {
        let block = document.blocks[index]
        switch block.kind {
        case .heading(let level):
            closeDetails()
            section += 1
            heading = TutorialProse.title(block.text)
            awaitingOutput = nil
            if content.title == nil, level == 1 || content.commands.isEmpty && content.description == nil {
                content.title = InlineCode.plain(block.text)
            }
        case .html:
            if block.text.contains("<details") {
                let target = content.commands.indices.last.flatMap { content.commands[$0].section == section ? $0 : nil }
                details = (target, [])
            }
            if block.text.contains("</details>") { closeDetails() }
        case .fence(let language):
            if details != nil {
                var code = MarkdownFence.block(block.lines.joined(separator: "\n"), info: language)
                code.removeLast()
                details?.text.append(code)
            } else if prose.showsFile(before: index) {
                awaitingOutput = nil
            } else if FencedCommandParser.holdsCommands(block, programs: drafters.programs) {
                readCommands(of: block, at: index, language: language)
            } else if index > 0, document.blocks[index - 1].text == TutorialProse.inputNote, let target = content.commands.indices.last {
                content.commands[target].stdin = block.lines.map { $0 + "\n" }.joined()
            } else if FencedCommandParser.outputLanguages.contains(language), let target = awaitingOutput {
                content.commands[target].output = block.lines
                awaitingOutput = nil
            }
        case .paragraph, .quote:
            if details != nil {
                details?.text.append(block.text)
                return
            }
            content.paragraphs.append(block.text)
            if content.title != nil, content.description == nil, content.commands.isEmpty { content.description = prose.around(index) }
            for span in InlineCode.spans(in: block.text) where drafters.mentions(span) {
                content.commands.append(command(span.trimmingCharacters(in: .whitespaces), line: block.line, origin: .inline, index: index))
            }
        case .table:
            if details != nil { details?.text.append(block.text) }
        }
    }

    private mutating func readCommands(of block: MarkdownBlock, at index: Int, language: String) {
        var first = true
        let folder = prose.folder(before: index)
        for parsed in FencedCommandParser.parse(
            block.lines, firstLine: block.line + 1, language: language, programs: drafters.programs, opensShell: drafters.opensShell
        ) {
            let shell = ShellLine(parsed.text)
            let words = shell.words
            if words.first == "cd", words.count <= 2, !shell.needsShell {
                moveTo(words.count == 2 ? words[1] : "~", line: parsed.line)
                cloned = cloned || content.commands.last.map { ShellLine($0.text).words.starts(with: ["git", "clone"]) } == true
                continue
            }
            if words.starts(with: ["git", "clone"]), let url = words.dropFirst(2).first(where: { !$0.hasPrefix("-") }) {
                if let earlier = clones[url] {
                    // A later chapter starting afresh clones again: the folder is there already, where the first clone made it.
                    content.skipped.append("not a step: `\(parsed.text)` (line \(parsed.line)): cloned already at line \(earlier.line)")
                    (cwd, cwdLine, cloned) = (earlier.cwd, parsed.line, earlier.cwd != nil)
                    continue
                }
                clones[url] = (parsed.line, cloned ? nil : cwd)
            }
            var found = command(parsed.text, line: parsed.line, origin: .block, index: index)
            found.script = parsed.script
            found.output = parsed.output
            found.comment = parsed.comment
            found.stdin = InteractiveShell.stdin(parsed.stdin)
            found.typedInside = found.stdin != nil
            if words.first == "git", words.dropFirst().first == "clone", cloned {
                // A second clone: the text means it next to the first, not inside it.
                cwd = nil
                cwdLine = nil
                found.cwd = nil
                found.cwdLine = nil
            }
            found.say = first ? prose.before(index) : nil
            if let folder {
                found.cwd = folder
                found.cwdLine = block.line - 1
            }
            content.commands.append(found)
            if CommandClassifier.assignments(shell) == nil { first = false }
            let tokens = shell.tokens
            if tokens.count > 2, tokens[0].value == "cd", tokens[2].isOperator, tokens[2].value == "&&" || tokens[2].value == ";" {
                moveTo(tokens[1].value, line: parsed.line)
            }
        }
        if let last = content.commands.indices.last, content.commands[last].line > block.line, content.commands[last].output.isEmpty {
            awaitingOutput = last
        } else {
            awaitingOutput = nil
        }
    }

    private func command(_ text: String, line: Int, origin: TutorialCommand.Origin, index: Int) -> TutorialCommand {
        TutorialCommand(
            text: text, script: text, line: line, origin: origin, section: section, heading: heading, listText: prose.listText(index),
            say: origin == .inline ? prose.around(index) : nil, cwd: cwd, cwdLine: cwdLine)
    }

    /// Follows `cd DIR`: the folder of the commands after it, relative to where the tutorial starts.
    private mutating func moveTo(_ directory: String, line: Int) {
        cwdLine = line
        if directory == "~" || directory == "-" || directory.isEmpty {
            cwd = "${env.HOME}"
            return
        }
        var path = directory.hasPrefix("~/") ? "${env.HOME}" + directory.dropFirst() : directory
        if !path.hasPrefix("/"), !path.hasPrefix("${env.HOME}"), let base = cwd { path = base + "/" + path }
        var parts: [String] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true).map(String.init) where part != "." {
            if part == "..", let last = parts.last, last != ".." { parts.removeLast() } else { parts.append(part) }
        }
        let joined = parts.joined(separator: "/")
        cwd = path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? nil : joined)
    }

    private mutating func closeDetails() {
        guard let open = details else { return }
        details = nil
        let text = open.text.joined(separator: "\n\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if let target = open.target, !text.isEmpty, content.commands[target].hint == nil { content.commands[target].hint = text }
    }
}
