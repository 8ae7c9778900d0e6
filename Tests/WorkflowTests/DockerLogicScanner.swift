/// Finds Docker logic in Swift source: identifiers that name Docker types, and string literals that
/// are exactly a docker flag or subcommand (a flag table, a subcommand test). Comments are left
/// out, and so are string literals that merely name docker among other words (help, messages).
enum DockerLogicScanner {
    /// Flags of the docker CLI that only a docker argument parser would spell alone.
    static let flags: Set<String> = [
        "--name", "-it", "-ti", "--rm", "-d", "--detach", "-t", "--tty", "--tag", "--gpus", "-e", "--env", "--env-file", "--build-arg",
        "-p", "--publish", "-v", "--volume", "--network",
    ]
    /// Subcommands and program names of the docker CLI.
    static let subcommands: Set<String> = [
        "docker", "nvidia-docker", "ps", "images", "build", "pull", "push", "rmi", "logs", "exec", "inspect", "login", "compose",
        "container", "image", "volume", "network",
    ]

    /// `LINE: what` for each finding, in order.
    static func findings(in source: String) -> [String] {
        var findings: [String] = []
        var inMultilineString = false
        for (number, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            // A multi-line string literal is help text or a message: skipped whole.
            if line.components(separatedBy: "\"\"\"").count % 2 == 0 { inMultilineString.toggle() }
            if inMultilineString || line.contains("\"\"\"") { continue }
            let (code, literals) = split(String(line))
            for word in code.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }) where isDockerIdentifier(word) {
                findings.append("\(number + 1): Docker type `\(word)`")
            }
            for literal in literals {
                if flags.contains(literal) { findings.append("\(number + 1): docker flag \"\(literal)\"") }
                if subcommands.contains(literal) { findings.append("\(number + 1): docker subcommand \"\(literal)\"") }
            }
        }
        return findings
    }

    /// `DockerArguments`, `nvidiaDocker`, `DockerDrafter`: an identifier that names Docker.
    private static func isDockerIdentifier(_ word: Substring) -> Bool {
        word.count > 6 && (word.hasPrefix("Docker") || (word.hasSuffix("Docker") && word.first?.isLowercase == true))
    }

    /// A line's code without comments and string literals, and the string literals' contents.
    private static func split(_ line: String) -> (code: String, literals: [String]) {
        var code = ""
        var literals: [String] = []
        var current: String?
        var characters = line.makeIterator()
        var previous: Character = " "
        while let character = characters.next() {
            if var literal = current {
                if character == "\"" && previous != "\\" {
                    literals.append(literal)
                    current = nil
                } else {
                    literal.append(character)
                    current = literal
                }
            } else if character == "/" && previous == "/" {
                code.removeLast()
                break
            } else if character == "\"" {
                current = ""
            } else {
                code.append(character)
            }
            previous = character
        }
        return (code, literals)
    }
}
