import Foundation
import Text

/// Keeps what a person typed as a secret out of a draft (SPEC 5's rules): the value of any
/// `NAME=value` whose name holds PASSWORD, TOKEN or SECRET becomes `NAME=${NAME}`; the password
/// given to `docker login` with `-p`/`--password` becomes `${REGISTRY_PASSWORD}`; what was typed
/// into a `--password-stdin` command becomes its `stdin:` var. Every such value is then replaced
/// by `***` wherever it still shows (outputs, other commands, typed lines).
struct RecordedSecrets {
    /// The var that stands for a registry password.
    static let passwordVariable = "REGISTRY_PASSWORD"

    /// The commands, secrets replaced.
    private(set) var commands: [RecordedCommand]
    /// For each command number whose typed input was a password: the var its `stdin:` reads.
    private(set) var stdinVariables: [Int: String] = [:]
    /// The numbers of the commands whose own text still showed a secret, now `***`.
    private(set) var redacted: Set<Int> = []

    /// Scrubs `commands`.
    init(_ commands: [RecordedCommand]) {
        var secrets: [String] = []
        var scrubbed: [RecordedCommand] = []
        var stdinVariables: [Int: String] = [:]
        for var command in commands {
            let line = ShellLine(command.text)
            var replacements: [(range: Range<Int>, text: String)] = []
            let isLogin = line.words.contains("login")
            for (index, token) in line.tokens.enumerated() where !token.isOperator {
                if ShellLine.isAssignment(token.value), let equals = token.value.firstIndex(of: "=") {
                    let name = String(token.value[..<equals])
                    let value = String(token.value[token.value.index(after: equals)...])
                    if Self.isSecretName(name), !value.isEmpty, value != "${\(name)}", value != "$\(name)" {
                        secrets.append(value)
                        replacements.append((token.range, "\(name)=${\(name)}"))
                    }
                } else if isLogin, token.value.hasPrefix("--password=") {
                    secrets.append(String(token.value.dropFirst("--password=".count)))
                    replacements.append((token.range, "--password=${\(Self.passwordVariable)}"))
                } else if isLogin, ["-p", "--password"].contains(token.value), index + 1 < line.tokens.count {
                    let next = line.tokens[index + 1]
                    guard !next.isOperator else { continue }
                    secrets.append(next.value)
                    replacements.append((next.range, "${\(Self.passwordVariable)}"))
                }
            }
            if !replacements.isEmpty { command.text = line.replacing(replacements) }
            let typed = command.typed.filter { !$0.isEmpty }
            if line.words.contains("--password-stdin"), !line.needsShell, !typed.isEmpty {
                secrets += typed
                stdinVariables[command.number] = Self.passwordVariable
            }
            // What the terminal echoed of the typed lines is input, not output.
            command.output = command.output.filter { !typed.contains($0) || $0.isEmpty }
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

    /// `text` with each of `values` replaced by `***`, leaving the `${…}` the scrubbing wrote alone.
    private static func redact(_ text: String, _ values: [String]) -> String {
        values.reduce(text) { $0.replacingOccurrences(of: $1, with: "***") }
    }
}
