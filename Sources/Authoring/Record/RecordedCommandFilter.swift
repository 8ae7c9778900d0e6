import Text

/// Which recorded commands become steps: not those that only move around or look at the
/// terminal itself (`cd`, `clear`, `history`, `pwd`, `exit`…), not `ls` unless a later command
/// uses a name it printed, not a command the shell could not find or run (126, 127).
enum RecordedCommandFilter {
    /// A recorded command that is not a step, and why.
    struct Dropped: Sendable {
        /// The command.
        var command: RecordedCommand
        /// Why it is not a step.
        var reason: String
    }

    /// Programs that only navigate or inspect the terminal (their effect is the next steps' `cwd:` at most).
    static let navigation: Set<String> = [
        "cd", "pushd", "popd", "dirs", "clear", "reset", "history", "pwd", "exit", "logout", "tput", "stty",
    ]
    /// Listings of the folder: a step only when a later command uses what they printed.
    static let listings: Set<String> = ["ls", "ll", "la", "dir"]

    /// The commands to draft, in order, and those left out.
    static func steps(of commands: [RecordedCommand]) -> (kept: [RecordedCommand], dropped: [Dropped]) {
        var kept: [RecordedCommand] = []
        var dropped: [Dropped] = []
        for (index, command) in commands.enumerated() {
            let line = ShellLine(command.text)
            let program = line.words.first { !ShellLine.isAssignment($0) } ?? ""
            let simple = !line.tokens.contains { $0.isOperator }
            if command.exitStatus == 127 || command.exitStatus == 126 {
                dropped.append(Dropped(command: command, reason: "the shell could not find or run it (exit \(command.exitStatus ?? 0))"))
            } else if simple, navigation.contains(program) {
                let reason =
                    program == "cd"
                    ? "the folder is the `cwd:` of the steps after it" : "it only looks at or moves around the terminal"
                dropped.append(Dropped(command: command, reason: reason))
            } else if simple, listings.contains(program), !isUsed(command.output, after: index, in: commands) {
                dropped.append(Dropped(command: command, reason: "a listing whose output no later command uses"))
            } else {
                kept.append(command)
            }
        }
        return (kept, dropped)
    }

    /// Whether a later command names a word of `output`.
    private static func isUsed(_ output: [String], after index: Int, in commands: [RecordedCommand]) -> Bool {
        let names = Set(output.flatMap { $0.split(separator: " ").map(String.init) }.filter { $0.count > 1 })
        return commands.dropFirst(index + 1).contains { later in
            ShellLine(later.text).words.contains { word in names.contains(word) || names.contains { word.hasSuffix("/" + $0) } }
        }
    }
}
