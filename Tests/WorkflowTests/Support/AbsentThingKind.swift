import Workflow

/// A test kind `absent: NAME` that runs `/bin/sh -c 'exit 1'` and says that NAME, what it needs,
/// does not exist (as the Docker kinds say of a container): `check` must not wait on it.
struct AbsentThingKind: CommandKind {
    /// The key.
    let key = "absent"

    func decode(_ value: Node, at location: SourceLocation, reader: inout NodeReader) -> Command? {
        guard let (words, split) = reader.commandWords(value, key: key) else { return nil }
        return Command(key: key, words: words, splitFromString: split, location: location)
    }

    func prepare(_ command: ResolvedCommand, context: CommandContext) -> Result<PreparedCommand, CommandProblem> {
        .success(
            PreparedCommand(executable: "/bin/sh", arguments: ["-c", "echo waiting; exit 1"], display: [key] + command.words, binary: "sh"))
    }

    func missingPrerequisite(_ command: ResolvedCommand, context: CommandContext) async -> String? {
        "thing \(command.words.first ?? "") does not exist"
    }
}
