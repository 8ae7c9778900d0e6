import Synchronization
import Workflow

/// A backend that needs no engine: it exports `FAKE_HOST`, answers its preflight as told, offers
/// the `lasers` capability when told, and records every sweep and re-probe.
final class FakeBackend: KindBackend {
    let name = "fake"
    let rosterKeys = ["fake_host"]
    let capabilities = [
        CapabilityDeclaration(Capability(rawValue: "lasers"), absentReason: "no lasers here", presentReason: "lasers are on")
    ]
    let unreachableFallback = "the fake engine did not answer"
    private let reachable: Bool
    private let lasers: Bool
    private let reprobe: String?
    private let state = Mutex<(sweeps: [SweepScope], reprobes: Int, prepared: [String: Bool])>(([], 0, [:]))

    /// A backend whose preflight says `reachable`, that offers lasers when `lasers`, and whose
    /// re-probe after a failure answers `reprobe` (nil: still reachable).
    init(reachable: Bool = true, lasers: Bool = false, reprobe: String? = nil) {
        self.reachable = reachable
        self.lasers = lasers
        self.reprobe = reprobe
    }

    /// The sweeps asked for, in order.
    var sweeps: [SweepScope] { state.withLock { $0.sweeps } }
    /// How many re-probes ran.
    var reprobes: Int { state.withLock { $0.reprobes } }
    /// Whether each learner was prepared isolated.
    var prepared: [String: Bool] { state.withLock { $0.prepared } }

    func isRemote(_ learner: Learner) -> Bool { learner.settings["fake_host"] != nil }

    func host(of learner: Learner, environment: [String: String]) -> String { learner.settings["fake_host"] ?? "127.0.0.1" }

    func prepare(learner: Learner, environment: [String: String], isolated: Bool) throws -> LearnerEnvironment {
        state.withLock { $0.prepared[learner.id] = isolated }
        return LearnerEnvironment(variables: ["FAKE_HOST": learner.settings["fake_host"] ?? "local-fake"])
    }

    func preflight(environment: [String: String], commands: [ResolvedCommand]) async -> BackendPreflight {
        guard reachable else { return BackendPreflight(reachable: false, message: "fake engine: connection refused") }
        return BackendPreflight(
            reachable: true, fingerprint: .object(["version": .string("1.0")]), summary: "Fake 1.0",
            capabilities: lasers ? [Capability(rawValue: "lasers")] : [])
    }

    func unreachableReason(environment: [String: String]) async -> String? {
        state.withLock { $0.reprobes += 1 }
        return reprobe
    }

    func sweep(_ scope: SweepScope, environment: [String: String]) async {
        state.withLock { $0.sweeps.append(scope) }
    }
}
