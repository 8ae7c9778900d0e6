/// What a command kind's lint may need to know about where a command sits.
public struct LintContext: Sendable {
    /// The step runs under a pseudo-terminal (`tty: true`).
    public var tty: Bool
    /// The command is a step's main command (not a probe or cleanup item).
    public var isStep: Bool
    /// Some learner of the roster uses a remote engine.
    public var remoteEngines: Bool
    /// How the roster's learners reach their environments, by scheme (`ssh`, `tcp`, `unix`): some
    /// commands cannot work through some of them (e.g. a request from inside a container over ssh).
    public var transports: Set<String> = []

    /// Creates a context.
    public init(tty: Bool, isStep: Bool, remoteEngines: Bool) {
        self.tty = tty
        self.isStep = isStep
        self.remoteEngines = remoteEngines
    }
}
