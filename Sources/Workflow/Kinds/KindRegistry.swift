/// Every command kind and backend a run knows, by key: the seam between the engine and the kinds.
///
/// Workflow registers `exec:` and `sh:`; Steps adds its kinds and backends (`StandardKinds`).
public struct KindRegistry: Sendable {
    /// The kinds, in registration order (the order in messages that list them).
    public private(set) var kinds: [any CommandKind] = []
    /// The backends, by name.
    public private(set) var backends: [String: any KindBackend] = [:]
    private var indexByKey: [String: Int] = [:]

    /// A registry with no kind at all.
    public init() {}

    /// The kinds Workflow itself provides: `exec:` and `sh:`.
    public static var core: KindRegistry {
        var registry = KindRegistry()
        registry.register(ExecCommandKind())
        registry.register(ShellCommandKind())
        return registry
    }

    /// Adds a kind; a later kind with the same key replaces the earlier one.
    public mutating func register(_ kind: any CommandKind) {
        if let index = indexByKey[kind.key] {
            kinds[index] = kind
        } else {
            indexByKey[kind.key] = kinds.count
            kinds.append(kind)
        }
    }

    /// Adds a backend; a later backend with the same name replaces the earlier one.
    public mutating func register(backend: any KindBackend) {
        backends[backend.name] = backend
    }

    /// The kind named by `key`, if any.
    public func kind(_ key: String) -> (any CommandKind)? {
        indexByKey[key].map { kinds[$0] }
    }

    /// The keys of every kind, in registration order.
    public var keys: [String] { kinds.map(\.key) }

    /// Every capability `when:` may name: `tty`, then those the backends declare.
    public var capabilities: [CapabilityDeclaration] {
        let tty = CapabilityDeclaration(.tty, absentReason: "stdin is not a terminal", presentReason: "stdin is a terminal")
        return [tty] + backends.keys.sorted().flatMap { backends[$0]!.capabilities }
    }

    /// The roster keys the backends add (`id`, `name` and `vars` are the roster's own).
    public var rosterKeys: [String] {
        backends.keys.sorted().flatMap { backends[$0]!.rosterKeys }
    }

    /// The kinds' drafters, one per name (kinds may share one), in registration order.
    public var drafters: [any CommandDrafter] {
        var seen = Set<String>()
        return kinds.compactMap(\.drafter).filter { seen.insert($0.name).inserted }
    }

    /// Whether some backend places the learner's environment on another machine.
    public func isRemote(_ learner: Learner) -> Bool {
        backends.values.contains { $0.isRemote(learner) }
    }

    /// How `learners` reach their environments, by scheme, as the backends say (`KindBackend.transport`).
    public func transports(of learners: [Learner], environment: [String: String]) -> Set<String> {
        Set(learners.flatMap { learner in backends.values.compactMap { $0.transport(of: learner, environment: environment) } })
    }
}
