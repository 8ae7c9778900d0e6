import Foundation
import Text

/// The commands a text types at the prompt of a shell that a command opened (a drafter says
/// which commands open one, `CommandDrafter.opensShell`): `/ # whoami`, `root@3b2c1d:/# curl es:9200`.
/// They are what the step reads on its standard input.
enum InteractiveShell {
    /// The command after a container shell's prompt (`/ # `, `/app $ `, `bash-5.1# `, `root@id:/path# `), or nil.
    static func innerCommand(_ line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let patterns = [#"^(?:/[\w./-]*|~[\w./-]*) [#$] (.+)$"#, #"^[\w.-]+-\d[\w.]*[#$] (.+)$"#, #"^[\w.-]+@[\w.-]+:[^#$ ]*[#$] ?(.+)$"#]
        for pattern in patterns {
            guard let regex = try? NSRegularExpression(pattern: pattern),
                let match = regex.firstMatch(in: trimmed, range: NSRange(trimmed.startIndex..., in: trimmed)),
                let range = Range(match.range(at: 1), in: trimmed)
            else { continue }
            return trimmed[range].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// The `stdin:` text for the commands typed inside: one a line, ending with `exit`.
    static func stdin(_ commands: [String]) -> String? {
        guard !commands.isEmpty else { return nil }
        let lines = commands.last == "exit" ? commands : commands + ["exit"]
        return lines.joined(separator: "\n") + "\n"
    }
}
