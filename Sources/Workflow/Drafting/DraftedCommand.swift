/// A typed command as a drafted runbook's command: its kind's key and value, what was guessed
/// (`# drafted:` remarks), and what the drafting of the whole runbook needs to know of it.
public struct DraftedCommand: Sendable, Hashable {
    /// The kind's key (`sh` for a shell line).
    public var key: String
    /// The key's value: the arguments after the program (vars as `${…}`), or a script.
    public var text: String
    /// The words the kind splits `text` into (after the program).
    public var words: [String]
    /// Where it was typed (`TypedCommand.line`).
    public var line: Int
    /// Whether it needs a terminal (`tty: true`).
    public var tty = false
    /// Its condition, if it needs one (`gpu`).
    public var when: String?
    /// `# drafted:` remarks, in the order they were made.
    public var remarks: [String] = []
    /// The vars it uses.
    public var variables: [DraftVariable] = []
    /// The first words of its step id (the program, its subcommand, or its flags when it names nothing).
    public var idWords: [String] = []
    /// What it acts on (an image, a tag, a container), the last part of its step id.
    public var subject: String?
    /// The names it uses (images, containers, tags), which tell the rows of a listing that matter.
    public var names: [String] = []

    /// What it reads on its standard input, when the drafter makes it read something (a password).
    public var stdin: String?
    /// Whether it runs a server in the foreground until stopped: a background step on its ready line.
    public var runsUntilStopped = false
    /// Whether its output names things its own way (from a file of the project, not after the
    /// names the learner's other commands give): the learner's names are not looked for in it.
    public var namesItsOwnThings = false
    /// Whether the rows of its output are a remote service's of the day (search results): only a
    /// header line is an expectation.
    public var listsRemoteRows = false

    /// A drafted command.
    public init(key: String, text: String, words: [String], line: Int) {
        self.key = key
        self.text = text
        self.words = words
        self.line = line
    }
}
