/// Splits a command string into words by POSIX shell rules: single and double quotes, backslash;
/// empty quoted words kept; no comments, globbing or expansion; unquoted operators refused.
public enum ShellWordSplitter {
    /// The words of `text`, or the first problem (an unquoted operator or an unclosed quote).
    public static func split(_ text: String) -> Result<[ShellWord], ShellSplitProblem> {
        let scalars = Array(text.unicodeScalars)
        var words: [ShellWord] = []
        var current = String.UnicodeScalarView()
        var offsets: [Int] = []
        var quotedFlags: [Bool] = []
        var inWord = false
        var index = 0

        func append(_ scalar: Unicode.Scalar, at offset: Int, quoted: Bool) {
            current.append(scalar)
            offsets.append(offset)
            quotedFlags.append(quoted)
        }
        func finish() {
            if inWord { words.append(ShellWord(text: String(current), offsets: offsets, quoted: quotedFlags)) }
            current = String.UnicodeScalarView()
            offsets = []
            quotedFlags = []
            inWord = false
        }

        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case " ", "\t", "\n", "\r":
                finish()
                index += 1
            case "'":
                inWord = true
                let open = index
                index += 1
                while index < scalars.count, scalars[index] != "'" {
                    append(scalars[index], at: index, quoted: true)
                    index += 1
                }
                guard index < scalars.count else { return .failure(ShellSplitProblem(message: "single quote is not closed", offset: open)) }
                index += 1
            case "\"":
                inWord = true
                let open = index
                index += 1
                while index < scalars.count, scalars[index] != "\"" {
                    if scalars[index] == "\\", index + 1 < scalars.count, "$`\"\\\n".unicodeScalars.contains(scalars[index + 1]) {
                        if scalars[index + 1] != "\n" { append(scalars[index + 1], at: index + 1, quoted: true) }
                        index += 2
                        continue
                    }
                    if scalars[index] == "`" {
                        return .failure(ShellSplitProblem(message: "backtick command substitution is shell syntax; use `sh:` for a shell command", offset: index))
                    }
                    append(scalars[index], at: index, quoted: true)
                    index += 1
                }
                guard index < scalars.count else { return .failure(ShellSplitProblem(message: "double quote is not closed", offset: open)) }
                index += 1
            case "\\":
                inWord = true
                if index + 1 < scalars.count {
                    if scalars[index + 1] != "\n" { append(scalars[index + 1], at: index + 1, quoted: true) }
                    index += 2
                } else {
                    index += 1
                }
            case "|", ">", "<", ";", "&", "`":
                var symbol = String(scalar)
                if index + 1 < scalars.count, (scalar == "|" || scalar == "&" || scalar == ">" || scalar == "<"), scalars[index + 1] == scalar {
                    symbol += String(scalar)
                }
                return .failure(ShellSplitProblem(message: "'\(symbol)' is a shell operator, and this command is not run by a shell; use `sh:` for a shell command line (or quote the character)", offset: index))
            default:
                inWord = true
                append(scalar, at: index, quoted: false)
                index += 1
            }
        }
        finish()
        return .success(words)
    }
}
