import Text

/// Folds the code spans that only mention a command into the command they mention, so that each
/// command of a tutorial becomes one step:
/// - a span followed, in the same section, by the same command (a span or a block) is folded into it;
/// - a bare `docker SUBCOMMAND` whose subcommand needs arguments (`docker rm`, `docker build`) is
///   folded into the next command of that subcommand in the section, or left out when none follows;
/// - a span that repeats a command already kept is left out (the kept step notes the line).
enum MentionMerger {
    /// A mention that did not become a step, and why.
    struct Dropped: Sendable, Hashable {
        /// The command as written.
        var text: String
        /// Its line.
        var line: Int
        /// Why it is not a step.
        var reason: String
    }

    /// The commands to make steps of, in order, and the mentions left out.
    static func merge(_ commands: [TutorialCommand], drafters: Drafters) -> (kept: [TutorialCommand], dropped: [Dropped]) {
        var commands = commands
        let allWords = commands.map { words(of: $0.text) }
        var folded = Set<Int>()
        var dropped: [Dropped] = []
        for index in commands.indices where commands[index].origin == .inline {
            let words = allWords[index]
            let bare = drafters.isMentionOnly(words)
            let target = commands.indices.first { later in
                guard later > index, commands[later].section == commands[index].section else { return false }
                let other = allWords[later]
                return other == words || bare && other.starts(with: words) && other.count > 2
            }
            if let target {
                commands[target].mentions += [commands[index].line] + commands[index].mentions
                if commands[target].say == nil { commands[target].say = commands[index].say }
                folded.insert(index)
            } else if bare {
                let reason = "no arguments, and no fuller command follows"
                dropped.append(Dropped(text: commands[index].text, line: commands[index].line, reason: reason))
                folded.insert(index)
            }
        }
        var kept: [TutorialCommand] = []
        var keptWords: [[String]] = []
        for index in commands.indices where !folded.contains(index) {
            let command = commands[index]
            if command.origin == .inline, let earlier = keptWords.firstIndex(of: allWords[index]) {
                kept[earlier].mentions += [command.line] + command.mentions
                continue
            }
            kept.append(command)
            keptWords.append(allWords[index])
        }
        return (kept, dropped)
    }

    /// The words of a command, `sudo` left out, for comparing mentions.
    static func words(of text: String) -> [String] {
        var words = ShellLine(text).tokens.map(\.value)
        if words.first == "sudo" { words.removeFirst() }
        return words
    }
}
