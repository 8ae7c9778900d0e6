import Foundation
import Text

/// Keeps what a person typed as a secret out of a draft (SPEC 5's rules): the value of any
/// `NAME=value` whose name holds PASSWORD, TOKEN or SECRET becomes `NAME=${NAME}`; a value the
/// command's kind says is a secret (`CommandDrafter.secrets`: a registry password) becomes its var;
/// what was typed into a command that reads a secret from standard input becomes its `stdin:` var.
/// Every such value is then kept out wherever it still shows: output lines that show it are no
/// expectation, other command text shows `***`.
struct RecordedSecrets {
    /// The commands, secrets replaced.
    private(set) var commands: [RecordedCommand]
    /// For each command number whose typed input was a secret: the var its `stdin:` reads.
    private(set) var stdinVariables: [Int: String] = [:]
    /// The numbers of the commands whose own text still showed a secret, now `***`.
    private(set) var redacted: Set<Int> = []

    /// Scrubs `commands`; the kinds' `drafters` tell where their commands hold secrets.
    init(_ commands: [RecordedCommand], drafters: Drafters) {
        var secrets: [String] = []
        var scrubbed: [RecordedCommand] = []
        var stdinVariables: [Int: String] = [:]
        for var command in commands {
            let line = ShellLine(command.text)
            var replacements: [(range: Range<Int>, text: String)] = []
            for token in line.tokens where !token.isOperator {
                guard ShellLine.isAssignment(token.value), let equals = token.value.firstIndex(of: "=") else { continue }
                let name = String(token.value[..<equals])
                let value = String(token.value[token.value.index(after: equals)...])
                if Self.isSecretName(name), !value.isEmpty, value != "${\(name)}", value != "$\(name)" {
                    secrets.append(value)
                    replacements.append((token.range, "\(name)=${\(name)}"))
                }
            }
            let words = line.words
            let start = words.firstIndex { !ShellLine.isAssignment($0) } ?? words.count
            var typedSecret: String?
            if start < words.count, let drafter = drafters.drafter(for: words[start]) {
                let found = drafter.secrets(in: Array(words[start...]))
                for word in found.words where start + word.index < line.tokens.count {
                    let token = line.tokens[start + word.index]
                    secrets.append(String(token.value.dropFirst(word.prefix.count)))
                    replacements.append((token.range, word.prefix + "${\(word.variable)}"))
                }
                typedSecret = found.standardInput
            }
            if !replacements.isEmpty { command.text = line.replacing(replacements) }
            let typed = command.typed.filter { !$0.isEmpty }
            if let typedSecret, !line.needsShell, !typed.isEmpty {
                secrets += typed
                stdinVariables[command.number] = typedSecret
            }
            // What the terminal echoed of the typed lines (after a program's own prompt) is input, not output.
            command.output = command.output.filter { line in line.isEmpty || !typed.contains { line.hasSuffix($0) } }
            scrubbed.append(command)
        }
        let values = Set(secrets.filter { !$0.isEmpty }).sorted { $0.count > $1.count }
        var redacted = Set<Int>()
        self.commands = scrubbed.map { command in
            var command = command
            let text = Self.redact(command.text, values)
            if text != command.text { redacted.insert(command.number) }
            command.text = text
            // A line that showed a secret is no expectation: a run matches the real text, never `***`.
            command.output = command.output.filter { line in !values.contains { line.contains($0) } }
            command.typed = command.typed.map { Self.redact($0, values) }
            return command
        }
        self.redacted = redacted
        self.stdinVariables = stdinVariables
    }

    /// Whether a var or environment variable name marks a secret (SPEC 5).
    static func isSecretName(_ name: String) -> Bool {
        let upper = name.uppercased()
        return ["PASSWORD", "TOKEN", "SECRET"].contains { upper.contains($0) }
    }

    /// `text` with each of `values` replaced by `***`.
    private static func redact(_ text: String, _ values: [String]) -> String {
        values.reduce(text) { $0.replacingOccurrences(of: $1, with: "***") }
    }
}
