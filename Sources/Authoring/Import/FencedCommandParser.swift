import Foundation
import Text

/// Reads the commands of a fenced block: `$ ` and `# ` prompts with the output under them, or one
/// command a line; `\` continuations, comments, here-documents.
enum FencedCommandParser {
    /// One command of a block.
    struct Parsed: Sendable {
        /// The command on one line (continuations joined, trailing comment removed).
        var text: String
        /// The command as written over its lines.
        var script: String
        /// Its first line in the file.
        var line: Int
        /// The lines under it (prompt blocks only).
        var output: [String] = []
        /// A comment above it or at its end.
        var comment: String?
        /// Commands typed inside the interactive container it starts (`/ # whoami`), for its `stdin:`.
        var stdin: [String] = []
    }

    /// Languages whose blocks hold commands.
    static let commandLanguages: Set<String> = [
        "console", "shell", "sh", "bash", "zsh", "ksh", "shell-session", "shellsession", "terminal",
    ]
    /// Languages whose blocks may show a command's output.
    static let outputLanguages: Set<String> = ["", "text", "txt", "plaintext", "plain", "output", "log", "none"]
    /// Programs that a `# ` root prompt may run (anything else after `# ` is a comment), besides those the kinds draft.
    static let rootPrograms: Set<String> = [
        "cd", "ls", "cat", "echo", "apt", "apt-get", "yum", "dnf", "curl", "wget", "git", "mkdir", "rm", "cp",
        "mv", "systemctl", "service", "export", "python", "python3", "pip", "pip3", "make", "kubectl", "chmod", "chown", "tar", "sudo",
    ]

    /// True when `block` holds commands: a command language, or no language and a `$ ` prompt
    /// first, or no language, a `# ` comment first and then a line that runs one of `programs` or
    /// `rootPrograms`. A script's content (`#!` first) holds none.
    static func holdsCommands(_ block: MarkdownBlock, programs: Set<String> = []) -> Bool {
        guard let language = block.fenceLanguage else { return false }
        let lines = block.lines.filter { !$0.allSatisfy(\.isWhitespace) }
        if lines.first?.trimmingCharacters(in: .whitespaces).hasPrefix("#!") == true { return false }
        if commandLanguages.contains(language) { return true }
        guard language.isEmpty, let first = lines.first else { return false }
        if promptRest(first, root: false) != nil { return true }
        guard first.trimmingCharacters(in: .whitespaces).hasPrefix("# "),
            let command = lines.first(where: { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }),
            let program = command.split(separator: " ").first.map(String.init)
        else { return false }
        return programs.contains(program) || rootPrograms.contains(program)
    }

    /// The commands of a command block whose content starts on `firstLine`; `programs` (those the
    /// kinds draft) may follow a `# ` root prompt too.
    /// `opensShell` tells the commands after which the lines at another prompt are typed inside.
    static func parse(
        _ lines: [String], firstLine: Int, language: String, programs: Set<String>, opensShell: (String) -> Bool = { _ in false }
    ) -> [Parsed] {
        let prompted = lines.contains { promptRest($0, root: false) != nil }
        let root = prompted && (language.isEmpty || language == "console" || language == "shell-session" || language == "terminal")
        var commands: [Parsed] = []
        var current: Parsed?
        var continuing = false
        var hereDocument: String?
        var comment: String?
        var interactive = false
        var hostPrompt = ""

        func finish() {
            if var command = current {
                let shell = ShellLine(command.text)
                if shell.commentStart != nil {
                    command.comment = command.comment ?? shell.comment
                    command.text = shell.withoutComment
                    if !command.script.contains("\n") { command.script = command.text }
                }
                if !command.text.isEmpty { commands.append(command) }
            }
            current = nil
        }
        func start(_ text: String, at number: Int, prompt: String = "") {
            finish()
            interactive = opensShell(text)
            hostPrompt = prompt
            current = Parsed(text: "", script: "", line: number, comment: comment)
            comment = nil
            extend(with: text)
        }
        func extend(with text: String) {
            guard var command = current else { return }
            continuing = text.hasSuffix("\\") && !text.hasSuffix("\\\\")
            let piece = (continuing ? String(text.dropLast()) : text).trimmingCharacters(in: .whitespaces)
            command.script += (command.script.isEmpty ? "" : "\n") + text.trimmingCharacters(in: .whitespaces)
            command.text += (command.text.isEmpty || piece.isEmpty ? "" : " ") + piece
            current = command
            if !continuing, let delimiter = ShellLine(command.text).hereDocument { hereDocument = delimiter }
        }

        for (offset, line) in lines.enumerated() {
            let number = firstLine + offset
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let delimiter = hereDocument {
                current?.script += "\n" + line
                current?.text += "\n" + line
                if trimmed == delimiter { hereDocument = nil }
                continue
            }
            if continuing {
                extend(with: prompted && trimmed.hasPrefix("> ") ? String(trimmed.dropFirst(2)) : trimmed)
                continue
            }
            if interactive, current != nil || commands.last != nil, let inner = innerCommand(line, hostPrompt: hostPrompt) {
                if current != nil { current?.stdin.append(inner) } else { commands[commands.count - 1].stdin.append(inner) }
                if inner == "exit" { interactive = false }
                continue
            }
            if prompted {
                if let rest = promptRest(line, root: root, programs: programs) {
                    if rest.hasPrefix("#") {
                        finish()
                        comment = String(rest.dropFirst()).trimmingCharacters(in: .whitespaces)
                    } else {
                        start(rest, at: number, prompt: String(line.trimmingCharacters(in: .whitespaces).dropLast(rest.count)))
                    }
                } else if current != nil {
                    current?.output.append(line)
                } else if trimmed.hasPrefix("#") {
                    comment = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
                }
                continue
            }
            if trimmed.isEmpty {
                finish()
            } else if trimmed.hasPrefix("#") {
                finish()
                comment = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
            } else if current != nil || commands.last != nil, !looksLikeCommand(trimmed) {
                if current == nil, var last = commands.popLast() {
                    last.output.append(line)
                    commands.append(last)
                } else {
                    current?.output.append(line)
                }
            } else {
                start(trimmed, at: number)
            }
        }
        finish()
        return commands
    }

    /// The command after a prompt (`$ `, `user@host:~$ `, or `# ` for a program of `rootPrograms`
    /// or `programs`), or nil.
    static func promptRest(_ line: String, root: Bool, programs: Set<String> = []) -> String? {
        let trimmed = line.drop { $0 == " " }
        if trimmed == "$" { return "" }
        if trimmed.hasPrefix("$ ") { return String(trimmed.dropFirst(2)).trimmingCharacters(in: .whitespaces) }
        if let marker = trimmed.firstIndex(where: { $0 == "$" || $0 == "#" }), marker != trimmed.startIndex,
            trimmed[trimmed.index(after: marker)...].hasPrefix(" "), trimmed[..<marker].contains("@"),
            trimmed[..<marker].allSatisfy({ $0.isLetter || $0.isNumber || "@:~/._-".contains($0) })
        {
            return String(trimmed[trimmed.index(after: marker)...]).trimmingCharacters(in: .whitespaces)
        }
        if root, trimmed.hasPrefix("# ") {
            let rest = trimmed.dropFirst(2).trimmingCharacters(in: .whitespaces)
            if let program = rest.split(separator: " ").first.map(String.init), rootPrograms.contains(program) || programs.contains(program)
            {
                return rest
            }
        }
        return nil
    }

    /// The command typed at a container shell's prompt inside an interactive container, or nil;
    /// a line with the host's own prompt (`hostPrompt`) is the host's.
    private static func innerCommand(_ line: String, hostPrompt: String) -> String? {
        if let inner = InteractiveShell.innerCommand(line) {
            let prompt = String(line.trimmingCharacters(in: .whitespaces).dropLast(inner.count))
            return hostPrompt.isEmpty || prompt != hostPrompt ? inner : nil
        }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !hostPrompt.isEmpty, trimmed.hasPrefix("# "), !hostPrompt.hasPrefix("#") else { return nil }
        let rest = trimmed.dropFirst(2).trimmingCharacters(in: .whitespaces)
        return rest.isEmpty ? nil : rest
    }

    /// True when a line of a block without prompts reads as a command rather than as output.
    private static func looksLikeCommand(_ line: String) -> Bool {
        guard let word = line.split(separator: " ").first else { return false }
        if ShellLine.isAssignment(String(word)) || word.hasPrefix("./") || word.hasPrefix("/") || word.hasPrefix("~/") { return true }
        guard let first = word.first, first.isLowercase, first.isLetter else { return false }
        return word.allSatisfy { $0.isLowercase || $0.isNumber || "._+-".contains($0) }
    }
}
