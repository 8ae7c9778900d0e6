/// One step of a runbook (SPEC 1).
public struct Step: Sendable, Hashable {
    /// Unique id, `[a-z0-9][a-z0-9_-]*`.
    public var id: String
    /// Short title.
    public var title: Template?
    /// Markdown shown by `runbook guide`.
    public var say: Template?
    /// Hints, revealed one at a time by the guide after each failed attempt (`hints:`; `hint:` is the
    /// one-item form, SPEC 11.1).
    public var hints: [Template]
    /// What it runs.
    public var command: Command
    /// Working directory, default the runbook's folder.
    public var cwd: Template?
    /// Extra environment.
    public var env: [EnvironmentEntry]
    /// Text fed to stdin.
    public var stdin: Template?
    /// Run under a pseudo-terminal.
    public var tty: Bool
    /// Per-attempt limit.
    public var timeout: Duration?
    /// Retry policy.
    public var retry: Retry?
    /// End with success as soon as every positive matcher is satisfied.
    public var finishOnMatch: Bool
    /// Earlier steps that must pass first (explicit and implied by captures).
    public var needs: [String]
    /// Conditions that must all hold.
    public var when: [Condition]
    /// Checks on the result.
    public var expect: Expectation
    /// Values taken from the output.
    public var captures: [Capture]
    /// Probes of the state the step leaves.
    public var verify: [Probe]
    /// `verify: self`: the step's own command is a read-only check, and is its probe.
    public var verifySelf: Bool
    /// What selftest expects of the probes before the step.
    public var verifyBefore: VerifyBefore
    /// Where the step's mapping starts.
    public var location: SourceLocation
    /// `background: true`: once its ready line matched, the process keeps running beside the
    /// later steps until a `stop:` step or the end of the run (SPEC 6.11).
    public var background = false
    /// `stop: ID`: this step stops the background step ID (it runs nothing else).
    public var stop: String?
    /// `stop_grace`: how long a stopped process has after SIGINT before SIGTERM (default 15 s).
    public var stopGrace: Duration?
    /// `environment: true`: a fact of the machine, not the learner's work (left out of passed/total).
    public var environment = false

    /// Creates a step with defaults for everything optional.
    public init(
        id: String, title: Template? = nil, say: Template? = nil, hint: Template? = nil, hints: [Template] = [], command: Command,
        cwd: Template? = nil, env: [EnvironmentEntry] = [], stdin: Template? = nil, tty: Bool = false,
        timeout: Duration? = nil, retry: Retry? = nil, finishOnMatch: Bool = false, needs: [String] = [],
        when: [Condition] = [], expect: Expectation = Expectation(), captures: [Capture] = [], verify: [Probe] = [],
        verifySelf: Bool = false, verifyBefore: VerifyBefore = .fail, location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.say = say
        self.hints = (hint.map { [$0] } ?? []) + hints
        self.command = command
        self.cwd = cwd
        self.env = env
        self.stdin = stdin
        self.tty = tty
        self.timeout = timeout
        self.retry = retry
        self.finishOnMatch = finishOnMatch
        self.needs = needs
        self.when = when
        self.expect = expect
        self.captures = captures
        self.verify = verify
        self.verifySelf = verifySelf
        self.verifyBefore = verifyBefore
        self.location = location
    }
}

extension Step {
    /// The first hint: `hint:`, or the first of `hints:`.
    public var hint: Template? {
        get { hints.first }
        set { hints = newValue.map { [$0] } ?? [] }
    }

    /// Whether something can judge the step by the state it left: `verify:` probes or `verify: self`.
    public var hasProbes: Bool { verifySelf || !verify.isEmpty }

    /// What selftest expects of the probes before the step: a fact of the machine
    /// (`environment: true`) holds before anything ran, like `verify_before: pass`.
    public var selftestVerifyBefore: VerifyBefore { environment ? .pass : verifyBefore }

    /// The grace a stopped process of this step gets after SIGINT (SPEC 6.11: default 15 s).
    public var effectiveStopGrace: Duration { stopGrace ?? .seconds(15) }

    /// The backend families the step's command and probes need.
    public var backends: Set<String> {
        Set(([command] + verify.map(\.command)).compactMap(\.backend))
    }
}
