import Foundation
import Text

/// A shell in a container that a tutorial's command opens (`docker run -it alpine sh`,
/// `docker exec -it es bash`), and the commands the text types at its prompt (`/ # whoami`,
/// `root@3b2c1d:/# curl es:9200`): they are what the step reads on its standard input.
enum InteractiveShell {
    /// True when `command` opens an interactive container: a `run` or `exec` with `-i` and `-t`, not detached.
    static func starts(_ command: String) -> Bool {
        let words = ShellLine(command).words
        guard let program = words.first, ["docker", "nvidia-docker", "docker-compose", "podman"].contains(program),
            words.contains(where: { $0 == "run" || $0 == "exec" })
        else { return false }
        var input = false
        var terminal = false
        for word in words where word.hasPrefix("-") && !word.hasPrefix("--") {
            if word.contains("i") { input = true }
            if word.contains("t") { terminal = true }
        }
        input = input || words.contains("--interactive")
        terminal = terminal || words.contains("--tty")
        return input && terminal && !words.contains("-d") && !words.contains("--detach")
    }

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
