import Workflow

/// A test kind whose value is a command line (a string split by shell rules, or a list), run as
/// `PROGRAM WORDS…`, like the Docker kinds but without Docker: what Workflow must support for a
/// kind it does not know.
struct WordsKind: CommandKind {
    /// The key, six letters like `docker` so that columns in tests line up the same way.
    let key: String
    /// The program the words are given to.
    let program: String
    /// The backend the kind needs, if any.
    let backend: String?
    /// Whether its commands create something the backend sweeps (as `docker run` does).
    let creates: Bool

    init(key: String = "wordly", program: String = "echo", backend: String? = nil, creates: Bool = false) {
        self.key = key
        self.program = program
        self.backend = backend
        self.creates = creates
    }

    func decode(_ value: Node, at location: SourceLocation, reader: inout NodeReader) -> Command? {
        guard let (words, split) = reader.commandWords(value, key: key) else { return nil }
        return Command(key: key, words: words, splitFromString: split, location: location)
    }

    func prepare(_ command: ResolvedCommand, context: CommandContext) -> Result<PreparedCommand, CommandProblem> {
        var prepared = PreparedCommand(executable: program, arguments: command.words, display: [key] + command.words, binary: program)
        prepared.createsResources = creates
        return .success(prepared)
    }
}

extension KindRegistry {
    /// The core kinds plus `kinds`.
    static func with(_ kinds: any CommandKind...) -> KindRegistry {
        var registry = KindRegistry.core
        for kind in kinds { registry.register(kind) }
        return registry
    }
}
