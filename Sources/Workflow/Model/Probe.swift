/// A command that checks state, without changing it: a `verify:` item, or a `cleanup:` item (no expectations).
public struct Probe: Sendable, Hashable {
    /// What it runs.
    public var command: Command
    /// What its result must satisfy (verify only).
    public var expect: Expectation
    /// Working directory, default the runbook's folder.
    public var cwd: Template?
    /// Extra environment.
    public var env: [EnvironmentEntry]
    /// Text fed to stdin.
    public var stdin: Template?
    /// Per-run limit.
    public var timeout: Duration?
    /// `why:`: the learner's explanation, shown in place of the checks' own words when the probe fails (SPEC 11.1).
    public var why: Template?
    /// Where the item starts.
    public var location: SourceLocation
    /// `guard: true`: a precondition of the judgement, not a check of the step's work (SPEC 6.11):
    /// selftest does not require it to fail before the step; in `check` a failing guard makes the
    /// step "can't tell".
    public var isGuard = false

    /// Creates a probe.
    public init(
        command: Command, expect: Expectation = Expectation(), cwd: Template? = nil, env: [EnvironmentEntry] = [], stdin: Template? = nil,
        timeout: Duration? = nil, why: Template? = nil, location: SourceLocation
    ) {
        self.command = command
        self.expect = expect
        self.cwd = cwd
        self.env = env
        self.stdin = stdin
        self.timeout = timeout
        self.why = why
        self.location = location
    }
}
