import Foundation
import Synchronization
import Workflow

/// The backend of the Docker kinds: a learner's engine (`docker_host` / `docker_context` in the
/// roster), its own `DOCKER_CONFIG`, the preflight with fingerprint and GPU capability (the
/// `GPUProbe` ladder), sweeps of labelled containers, and the re-probe after a failure. Where the
/// learner's engine is local or plain TCP the preflight and the re-probe speak the Engine API
/// (`EngineClient`); otherwise, and for sweeps and the GPU ladder, the real `docker` binary runs.
public final class DockerBackend: KindBackend {
    /// The roster key exported as `DOCKER_HOST`.
    public static let hostKey = "docker_host"
    /// The roster key exported as `DOCKER_CONTEXT`.
    public static let contextKey = "docker_context"
    /// The capability of engines that can run GPU containers.
    public static let gpu = Capability(rawValue: "gpu")
    /// What a step is told when the engine gave no message of its own.
    static let unreachableMessage = "the Docker engine did not answer"
    /// The fact holding the flags that gave a container the GPU on the learner's engine (words joined by spaces).
    public static let gpuFlagsFact = "docker.gpu.flags"
    /// The fact holding the engine's clock at the preflight (`docker info`'s SystemTime).
    static let engineTimeFact = "docker.engine.time"

    public let name = "docker"
    public let rosterKeys = [hostKey, contextKey]
    public let capabilities = [
        CapabilityDeclaration(gpu, absentReason: "no NVIDIA runtime on this engine", presentReason: "a GPU is available")
    ]
    public let unreachableFallback = unreachableMessage
    private let cli: DockerCLI
    private let enginePreflights = Mutex<[String: Task<BackendPreflight, Never>]>([:])

    /// Creates the backend; `timeout` limits each of its own docker calls.
    public init(timeout: Duration = .seconds(30)) {
        cli = DockerCLI(timeout: timeout)
    }

    public func isRemote(_ learner: Learner) -> Bool {
        if let host = learner.settings[Self.hostKey], !host.isEmpty, !host.hasPrefix("unix://") { return true }
        if let context = learner.settings[Self.contextKey], !context.isEmpty, context != "default" { return true }
        return false
    }

    /// The scheme of the endpoint the learner's CLI would use (`unix`, `tcp`, `ssh`…), the roster's settings over the runner's environment.
    public func transport(of learner: Learner, environment: [String: String]) -> String? {
        var environment = environment
        if let host = learner.settings[Self.hostKey], !host.isEmpty { environment["DOCKER_HOST"] = host }
        if let context = learner.settings[Self.contextKey], !context.isEmpty {
            environment["DOCKER_HOST"] = nil
            environment["DOCKER_CONTEXT"] = context
        }
        let scheme = EngineEndpoint.resolve(environment).scheme
        return scheme.isEmpty ? nil : scheme
    }

    public func host(of learner: Learner, environment: [String: String]) -> String {
        guard let host = learner.settings[Self.hostKey] ?? environment["DOCKER_HOST"], let url = URL(string: host),
            ["tcp", "ssh", "http", "https"].contains(url.scheme ?? ""), let name = url.host, !name.isEmpty
        else {
            // A local socket seen from inside a container: its engine host is not this container (SPEC 10.2).
            return ContainerDetection.current ? EngineHostAddress.current : "127.0.0.1"
        }
        return name
    }

    public func prepare(learner: Learner, environment: [String: String], isolated: Bool) throws -> LearnerEnvironment {
        var variables: [String: String] = [:]
        if let host = learner.settings[Self.hostKey], !host.isEmpty { variables["DOCKER_HOST"] = host }
        if let context = learner.settings[Self.contextKey], !context.isEmpty { variables["DOCKER_CONTEXT"] = context }
        guard isolated else { return LearnerEnvironment(variables: variables) }
        var base = environment
        base.merge(variables) { _, new in new }
        let folder = try DockerConfigFolder.make(for: learner, environment: base)
        variables["DOCKER_CONFIG"] = folder
        return LearnerEnvironment(variables: variables, temporaryDirectory: folder)
    }

    /// The preflight of the learner's engine. Learners on the same engine (the same `DOCKER_HOST`
    /// and `DOCKER_CONTEXT`) share one: 32 learners on one engine make one `docker info`, taken
    /// before any of them ran a step (so "containers left stopped" means by an earlier run). An
    /// engine that did not answer is asked again by the next learner who starts.
    public func preflight(environment: [String: String], commands: [ResolvedCommand]) async -> BackendPreflight {
        let key = (environment["DOCKER_HOST"] ?? "") + "\u{0}" + (environment["DOCKER_CONTEXT"] ?? "")
        let (task, started) = enginePreflights.withLock { tasks -> (Task<BackendPreflight, Never>, Bool) in
            if let task = tasks[key] { return (task, false) }
            let task = Task { await self.probeEngine(environment: environment, commands: commands) }
            tasks[key] = task
            return (task, true)
        }
        // Ctrl-C cancels the learners' sessions: the shared call is stopped with them.
        let result = await withTaskCancellationHandler {
            await task.value
        } onCancel: {
            task.cancel()
        }
        if started && !result.reachable { _ = enginePreflights.withLock { $0.removeValue(forKey: key) } }
        return result
    }

    /// One `docker info` (and the GPU ladder when the runbook has GPU steps): what the engine is,
    /// and whether anything was left stopped.
    private func probeEngine(environment: [String: String], commands: [ResolvedCommand]) async -> BackendPreflight {
        async let clientCall = DockerClientVersion.version(environment: environment)
        let info: EngineInfo
        switch await engineInfo(environment: environment) {
        case .failure(let failure):
            _ = await clientCall
            return BackendPreflight(reachable: false, message: failure.message)
        case .success(let answer):
            info = answer
        }
        var fingerprint = info.fingerprint(client: await clientCall)
        fingerprint.nvidiaDocker = ExecutableResolver.find("nvidia-docker", path: environment["PATH"])
        let probe = GPUProbe(cli: cli) { scope, environment in await self.sweep(scope, environment: environment) }
        let gpu = await probe.detect(commands: commands, listing: GPUProbe.Listing(info: info), environment: environment)
        fingerprint.gpu = gpu.fingerprint
        var facts: [String: String] = [:]
        if gpu.fingerprint.available { facts[Self.gpuFlagsFact] = gpu.fingerprint.flags.joined(separator: " ") }
        if let reason = gpu.stepReason { facts[Self.gpu.absentReasonFact] = reason }
        if let time = info.string(".SystemTime") { facts[Self.engineTimeFact] = time }
        for (name, value) in GPUFacts(gpu.fingerprint).facts { facts[name] = value }
        let refusals = await GPUImageCheck.refusals(commands: commands, gpu: gpu.fingerprint, cli: cli, environment: environment)
        for (image, reason) in refusals { facts[GPUImageCheck.factKey(image: image)] = reason }
        var result = BackendPreflight(
            reachable: true, fingerprint: fingerprint.json, summary: fingerprint.summary,
            capabilities: gpu.fingerprint.available ? [Self.gpu] : [], facts: facts)
        result.mayHaveLeftovers = info.containersStopped.map { $0 > 0 } ?? true
        return result
    }

    /// `docker info`: `GET /info` where the API is spoken, else the CLI's `--format '{{json .}}'`.
    private func engineInfo(environment: [String: String]) async -> Result<EngineInfo, EngineFailure> {
        if let endpoint = EngineEndpoint.api(environment) {
            do {
                return .success(EngineInfo(try await EngineClient.shared.info(at: endpoint)))
            } catch {
                return .failure(error)
            }
        }
        let reply = await cli.run(["info", "--format", "{{json .}}"], environment: environment)
        guard reply.status == 0 else { return .failure(EngineFailure(.unreachable, DockerCLI.engineMessage(reply))) }
        do {
            let info = try EngineInfo(parsing: Array(reply.stdout.utf8), source: "docker info")
            // A 20.10 CLI prints its own part even when the engine does not answer.
            guard info.serverVersion != nil else { return .failure(EngineFailure(.unreachable, DockerCLI.engineMessage(reply))) }
            return .success(info)
        } catch {
            return .failure(error)
        }
    }

    public func unreachableReason(environment: [String: String]) async -> String? {
        if let endpoint = EngineEndpoint.api(environment) { return await EngineClient.shared.ping(at: endpoint)?.message }
        let version = await cli.run(["version", "--format", "{{.Server.Version}}"], environment: environment)
        return version.status == 0 ? nil : DockerCLI.engineMessage(version)
    }

    public func sweep(_ scope: SweepScope, environment: [String: String]) async {
        let sweeper = DockerSweep(cli: cli)
        var cutoff: Date?
        if case .leftovers = scope { cutoff = await preflightTime(environment: environment) }
        await sweeper.removeContainers(await sweeper.containers(scope, environment: environment, cutoff: cutoff), environment: environment)
        await sweeper.removeNetworks(await sweeper.networks(scope, environment: environment), environment: environment)
    }

    /// The engine's own clock at this run's preflight (`docker info`'s SystemTime), nil when unknown:
    /// nothing younger is a leftover.
    private func preflightTime(environment: [String: String]) async -> Date? {
        let key = (environment["DOCKER_HOST"] ?? "") + "\u{0}" + (environment["DOCKER_CONTEXT"] ?? "")
        guard let task = enginePreflights.withLock({ $0[key] }) else { return nil }
        return await task.value.facts[Self.engineTimeFact].flatMap(DockerSweep.date)
    }
}
