/// What a family of kinds needs for each learner: roster keys, environment, a preflight with a
/// fingerprint and capabilities, sweeps of what runs left behind, and a re-probe after a failure.
///
/// Other targets supply the backends; Workflow calls them only through this protocol.
public protocol KindBackend: Sendable {
    /// The family's name, as kinds name it in `CommandKind.backend`.
    var name: String { get }
    /// Keys a roster learner may have for this backend (a YAML key and a CSV column each).
    var rosterKeys: [String] { get }
    /// The capabilities it may offer, for `when:`.
    var capabilities: [CapabilityDeclaration] { get }
    /// What a step is told when the learner's environment does not answer and gave no message.
    var unreachableFallback: String { get }
    /// Whether the learner's environment is on another machine than the runner's.
    func isRemote(_ learner: Learner) -> Bool
    /// The host name of the learner's environment as seen from the runner (`${engine_host}`).
    func host(of learner: Learner, environment: [String: String]) -> String
    /// Environment variables the learner's commands get on top of the runner's, and a folder to
    /// remove at the end; `isolated` asks for state of the learner's own (see `SessionPolicy.isolatesLearners`).
    func prepare(learner: Learner, environment: [String: String], isolated: Bool) throws -> LearnerEnvironment
    /// Checks that the learner's environment answers, and describes it; `commands` are the
    /// runbook's commands of this backend's kinds, substituted for the learner (those that need a
    /// capture are left out), so that it can probe only what they will need (e.g. a GPU).
    func preflight(environment: [String: String], commands: [ResolvedCommand]) async -> BackendPreflight
    /// Whether the environment still answers: nil when it does, else its own message.
    func unreachableReason(environment: [String: String]) async -> String?
    /// Removes what `scope` names.
    func sweep(_ scope: SweepScope, environment: [String: String]) async
    /// How the learner's environment is reached (see the default below).
    func transport(of learner: Learner, environment: [String: String]) -> String?
}

extension KindBackend {
    /// How the learner's environment is reached, as a scheme (`ssh`, `tcp`, `unix`); nil when it
    /// does not matter. Lints use it (`LintContext.transports`).
    public func transport(of learner: Learner, environment: [String: String]) -> String? { nil }
}
