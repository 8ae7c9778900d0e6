import Foundation
import Text
import Workflow

/// Decides what a tutorial's command becomes in the draft: a `docker:`/`nvidia-docker:` step (its
/// `$VAR`s, `<placeholders>` and `UPPERCASE` placeholders turned into `${…}` vars, `-it` into
/// `tty: true`), an `sh:` step (pipes, redirections, `&&`, `;`, `cd`, `$(…)`, other programs), or
/// var assignments (`NAME=value`).
struct CommandClassifier {
    /// What a command became.
    enum Outcome: Sendable {
        /// A step.
        case step(ClassifiedCommand)
        /// `NAME=value` lines: defaults for vars.
        case assignments([(name: String, value: String)])
    }

    /// Environment variables a shell already has: `$HOME` in a docker command becomes `${env.HOME}`.
    static let environmentNames: Set<String> = [
        "HOME", "PATH", "USER", "LOGNAME", "SHELL", "TERM", "LANG", "HOSTNAME", "TMPDIR", "UID", "EUID", "DOCKER_HOST", "DOCKER_CONTEXT",
        "DOCKER_CONFIG",
    ]
    /// Names runbook reserves; a tutorial's var of that name is renamed.
    static let reservedNames: Set<String> = TemplateParser.builtins.union(["env", "port", "workdir", "engine_host"])

    /// Classifies one command.
    func classify(_ command: TutorialCommand) -> Outcome {
        var text = command.text
        var notes: [String] = []
        let first = ShellLine(text)
        if let assignments = Self.assignments(first) { return .assignments(assignments) }
        let words = first.words
        if words.first == "sudo", words.count > 1, ["docker", "nvidia-docker"].contains(words[1]), first.tokens.count > 1 {
            text = String(String.UnicodeScalarView(first.scalars[first.tokens[1].range.lowerBound...]))
            notes.append("`sudo` left out: the runner talks to the engine as the user it runs as")
        }
        let binary = ShellLine(text).words.first ?? ""
        if binary == "docker" || binary == "nvidia-docker", let docker = dockerStep(text, binary: binary, notes: notes) {
            return .step(docker)
        }
        return .step(shellStep(command, notes: notes, isDocker: binary == "docker" || binary == "nvidia-docker"))
    }

    private func dockerStep(_ original: String, binary: String, notes: [String]) -> ClassifiedCommand? {
        var notes = notes
        var variables: [DraftVariable] = []
        var text = original
        let placeholder = try? NSRegularExpression(pattern: #"(?<![<\w$])<([A-Za-z][A-Za-z0-9_-]*)>(?![>\w])"#)
        for match in placeholder?.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() ?? [] {
            guard let whole = Range(match.range, in: text), let inner = Range(match.range(at: 1), in: text) else { continue }
            let name = Self.varName(String(text[inner]).replacingOccurrences(of: "-", with: "_"))
            variables.append(.placeholder(name, written: String(text[whole])))
            let alone = (whole.lowerBound == text.startIndex || text[text.index(before: whole.lowerBound)] == " ")
                && (whole.upperBound == text.endIndex || text[whole.upperBound] == " ")
            text.replaceSubrange(whole, with: alone ? "\"${\(name)}\"" : "${\(name)}")
        }
        let shell = ShellLine(text)
        let usesFolder = shell.expansions.contains { $0.name == "PWD" || $0.name == "OLDPWD" }
        if shell.needsShell || shell.unclosedQuote || usesFolder { return nil }
        var replacements: [(range: Range<Int>, text: String)] = []
        for expansion in shell.expansions {
            let written = String(String.UnicodeScalarView(shell.scalars[expansion.range]))
            if expansion.singleQuoted {
                replacements.append((expansion.range, "$" + written))
            } else if Self.environmentNames.contains(expansion.name) {
                replacements.append((expansion.range, "${env.\(expansion.name)\(expansion.fallback.map { ":-" + $0 } ?? "")}"))
            } else {
                let name = Self.varName(expansion.name)
                if !written.hasPrefix("${") || expansion.fallback != nil || name != expansion.name {
                    notes.append("`\(written)` is the var `${\(name)}` (declared under vars:)")
                }
                let alone = shell.tokens.contains { !$0.quoted && $0.range == expansion.range }
                replacements.append((expansion.range, alone ? "\"${\(name)}\"" : "${\(name)}"))
                variables.append(.reference(name, fallback: expansion.fallback))
            }
        }
        for (position, token) in shell.tokens.enumerated() where !token.quoted && Self.isUppercasePlaceholder(token.value) {
            let previous = position > 0 ? shell.tokens[position - 1].value : ""
            let namesVariable = ["-e", "--env", "--build-arg", "--env-file"].contains(previous)
            guard !namesVariable, !Self.environmentNames.contains(token.value) else { continue }
            guard !replacements.contains(where: { $0.range.overlaps(token.range) }) else { continue }
            replacements.append((token.range, "\"${\(token.value)}\""))
            variables.append(.placeholder(token.value, written: token.value))
        }
        text = shell.replacing(replacements)
        let rewritten = ShellLine(text)
        guard case .success(let split) = ShellWordSplitter.split(text), split.count > 1, rewritten.tokens.count > 1 else { return nil }
        var arguments = String(String.UnicodeScalarView(rewritten.scalars[rewritten.tokens[1].range.lowerBound...]))
        let shape = DockerCommandShape(split.dropFirst().map(\.text))
        for case .placeholder(let name, let written) in variables {
            notes.append("`\(written)` is a placeholder of the text: the var `${\(name)}` (give it a value)")
        }
        var tty = false
        if shape.wantsTerminal, !shape.detached {
            tty = true
            notes.append("`-t` asks for a terminal: the runner gives it one (`tty: true`)"
                + (shape.subcommand == "exec" ? "; an interactive command needs `stdin:` or no `-it`" : ""))
        }
        var when: String?
        if binary == "nvidia-docker", shape.subcommand == "run" {
            when = "gpu"
            notes.append("needs a GPU: `when: gpu` skips it elsewhere")
        }
        if shape.subcommand == "build", shape.positionals.isEmpty {
            arguments += " ."
            notes.append("the text gives `docker build` no build context: `.` added")
        }
        return ClassifiedCommand(
            key: binary == "nvidia-docker" ? .nvidiaDocker : .docker, command: arguments, words: Array(split.dropFirst().map(\.text)),
            tty: tty, when: when, notes: notes, variables: variables)
    }

    private func shellStep(_ command: TutorialCommand, notes: [String], isDocker: Bool) -> ClassifiedCommand {
        var notes = notes
        let script = command.script
        let shell = ShellLine(command.text)
        notes.append(isDocker
            ? "a shell line (pipe, redirection, `&&`, `;`, `$(…)` or `$PWD`): runs with /bin/sh, which gets every var"
            : "not a docker command: runs with /bin/sh, which gets every var as an environment variable")
        var variables: [DraftVariable] = []
        for expansion in shell.expansions where !expansion.singleQuoted && !Self.environmentNames.contains(expansion.name)
            && expansion.name != "PWD" && expansion.name != "OLDPWD" && !Self.reservedNames.contains(expansion.name) {
            variables.append(.reference(expansion.name, fallback: expansion.fallback))
        }
        return ClassifiedCommand(key: .sh, command: script, words: shell.words, tty: false, when: nil, notes: notes, variables: variables)
    }

    /// The `NAME=value` pairs of a line that only assigns variables (`export` allowed), or nil.
    static func assignments(_ shell: ShellLine) -> [(name: String, value: String)]? {
        guard !shell.needsShell, !shell.tokens.isEmpty else { return nil }
        var tokens = shell.tokens
        if tokens.first?.value == "export" { tokens.removeFirst() }
        guard !tokens.isEmpty, tokens.allSatisfy({ ShellLine.isAssignment($0.value) }) else { return nil }
        return tokens.compactMap { token in
            guard let equals = token.value.firstIndex(of: "=") else { return nil }
            return (String(token.value[..<equals]), String(token.value[token.value.index(after: equals)...]))
        }
    }

    private static func isUppercasePlaceholder(_ word: String) -> Bool {
        word.count >= 3 && word.first?.isUppercase == true && word.allSatisfy { ($0.isUppercase && $0.isASCII) || $0.isNumber || $0 == "_" }
    }

    /// `name`, renamed when runbook reserves it.
    static func varName(_ name: String) -> String {
        reservedNames.contains(name) ? "tutorial_" + name : name
    }
}
