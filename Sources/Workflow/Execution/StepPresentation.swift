/// One step as a person sees it (`runbook guide`): everything substituted for the learner and redacted.
public struct StepPresentation: Sendable, Hashable {
    /// Position in the runbook, from 0.
    public var index: Int
    /// The step's id.
    public var id: String
    /// The title.
    public var title: String?
    /// The `say:` markdown.
    public var say: String?
    /// The hint shown when the step fails.
    public var hint: String?
    /// Every hint, in the order the guide reveals them (SPEC 11.1).
    public var hints: [String]
    /// Which kind of command it is.
    public var key: String
    /// The command as the learner would type it: substituted, redacted, shell-quoted, without the
    /// flags the runner adds (labels); an `sh:` script as written (it gets the vars as
    /// environment variables).
    public var command: String
    /// Names whose values are not known yet (a capture nobody made): the command shows them as `${…}`.
    public var unresolved: [String]
    /// The text the runner types on the command's stdin (redacted), if any.
    public var input: String?
    /// Whether the command runs under a terminal (`tty: true`).
    public var tty: Bool
    /// Each verify probe as the learner would type it.
    public var probes: [String]

    /// Creates a presentation.
    public init(
        index: Int, id: String, title: String?, say: String?, hint: String?, key: String, command: String, unresolved: [String],
        input: String?, tty: Bool, probes: [String], hints: [String] = []
    ) {
        self.index = index
        self.id = id
        self.title = title
        self.say = say
        self.hint = hint
        self.hints = hints.isEmpty ? (hint.map { [$0] } ?? []) : hints
        self.key = key
        self.command = command
        self.unresolved = unresolved
        self.input = input
        self.tty = tty
        self.probes = probes
    }
}
