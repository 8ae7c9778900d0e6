import Synchronization

/// One learner's state during a run: vars and captures, environment, what the backends found, redaction.
public final class LearnerContext: Sendable {
    /// Who.
    public let learner: Learner
    /// Vars, built-ins and captures.
    public let scope: VariableScope
    /// The environment every command of this learner gets.
    public let environment: [String: String]
    /// Secret values to hide (more when the guide is given a secret, SPEC 10.3).
    public var redactor: Redactor { redactorCell.withLock { $0 } }
    private let redactorCell: Mutex<Redactor>
    /// Each used backend's preflight, by backend name (empty when the runbook needs no backend).
    public let preflights: [String: BackendPreflight]
    /// What the learner's environment offers, for `when:`.
    public let capabilities: Set<Capability>
    /// What the backends' preflights told the kinds.
    public let facts: [String: String]
    /// Why the learner's own setup failed (its folder could not be made): every step is then `error`.
    public let setupProblem: String?
    /// `${workdir}` when it is made on first need (inside a container); nil when it was made before the first step.
    public let workdirOnDemand: WorkdirOnDemand?
    /// Whether a command of this learner created something the backends sweep.
    private let created = Mutex(false)
    /// The groups the kinds said their commands' objects belong to (a Compose project), for the sweeps.
    private let groups = Mutex<Set<String>>([])

    /// Creates a context.
    public init(
        learner: Learner, scope: VariableScope, environment: [String: String], redactor: Redactor,
        preflights: [String: BackendPreflight] = [:],
        capabilities: Set<Capability> = [], facts: [String: String] = [:], setupProblem: String? = nil,
        workdirOnDemand: WorkdirOnDemand? = nil
    ) {
        self.learner = learner
        self.scope = scope
        self.environment = environment
        self.redactorCell = Mutex(redactor)
        self.preflights = preflights
        self.capabilities = capabilities
        self.facts = facts
        self.setupProblem = setupProblem
        self.workdirOnDemand = workdirOnDemand
    }

    /// Gives `required` var `name` the value the learner typed in the guide; a secret's value is
    /// hidden from then on like the others.
    public func provide(_ name: String, value: String, runbook: Runbook) {
        scope.provide(name, value: value)
        let redactor = Redactor.forScope(scope, runbook: runbook)
        redactorCell.withLock { $0 = redactor }
    }

    /// Records that a command created something labelled.
    func noteCreation() {
        created.withLock { $0 = true }
    }

    /// Whether a command created something labelled, so that a sweep has something to find.
    public var createdResources: Bool { created.withLock { $0 } }

    /// Records groups that a command's objects belong to (`PreparedCommand.groups`).
    func noteGroups(_ names: [String]) {
        guard !names.isEmpty else { return }
        groups.withLock { $0.formUnion(names) }
    }

    /// The groups noted so far, sorted.
    public var createdGroups: [String] { groups.withLock { $0.sorted() } }

    /// The message of the first of `backends` (sorted by name) whose preflight found it unreachable, or nil.
    public func unreachable(_ backends: Set<String>) -> String? {
        for name in backends.sorted() {
            if let preflight = preflights[name], !preflight.reachable { return preflight.message ?? "\(name) did not answer" }
        }
        return nil
    }

    /// The messages of every unreachable backend, by name.
    public var unreachableBackends: [String: String] {
        preflights.filter { !$0.value.reachable }.mapValues { $0.message ?? "\($0) did not answer" }
    }
}
