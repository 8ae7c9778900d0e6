import Foundation
import Workflow

/// Talks to a learner's Docker engine for the engine: preflight, fingerprint, GPU capability and
/// removal of labelled containers. Every call runs the real `docker` binary with the learner's environment.
public struct DockerEngineSupport: EngineSupport {
    private let runner = ProcessRunner()
    /// Limit for each helper command.
    public var timeout: Duration

    /// Creates the support.
    public init(timeout: Duration = .seconds(30)) {
        self.timeout = timeout
    }

    /// Runs `docker ARGS` and returns its exit status and output; status nil when it could not start or timed out.
    func docker(_ arguments: [String], environment: [String: String]) async -> (status: Int32?, stdout: String, stderr: String, failure: String?) {
        let collector = OutputCollector()
        var spec = ProcessSpec(executable: "docker", arguments: arguments, environment: environment, workingDirectory: "/")
        spec.timeout = timeout
        spec.killGrace = .seconds(2)
        let outcome = await runner.run(spec, consumer: collector)
        if let failure = outcome.launchFailure { return (nil, "", "", failure) }
        if outcome.timedOut { return (nil, collector.stdout, collector.stderr, "`docker \(arguments.first ?? "")` did not answer within \(Int(timeout.seconds)) s") }
        if case .exited(let code) = outcome.termination { return (code, collector.stdout, collector.stderr, nil) }
        return (nil, collector.stdout, collector.stderr, "`docker \(arguments.first ?? "")` was killed")
    }

    public func preflight(environment: [String: String]) async -> EnginePreflight {
        // Both questions at once: each docker call costs tens of milliseconds of client start-up.
        async let versionCall = docker(["version", "--format", "{{json .}}"], environment: environment)
        async let infoCall = docker(["info", "--format", "{{json .}}"], environment: environment)
        let (version, info) = await (versionCall, infoCall)
        guard version.status == 0 else {
            return EnginePreflight(reachable: false, message: Self.engineMessage(version.stderr, fallback: version.failure ?? version.stdout))
        }
        var fingerprint = EnvironmentFingerprint()
        if let object = Self.json(version.stdout) {
            fingerprint.clientVersion = (object["Client"] as? [String: Any])?["Version"] as? String
            fingerprint.serverVersion = (object["Server"] as? [String: Any])?["Version"] as? String
        }
        if info.status == 0, let object = Self.json(info.stdout) {
            fingerprint.operatingSystem = object["OperatingSystem"] as? String
            fingerprint.osType = object["OSType"] as? String
            fingerprint.architecture = object["Architecture"] as? String
            fingerprint.storageDriver = object["Driver"] as? String
            fingerprint.runtimes = ((object["Runtimes"] as? [String: Any])?.keys).map { Array($0).sorted() } ?? []
            if fingerprint.serverVersion == nil { fingerprint.serverVersion = object["ServerVersion"] as? String }
        }
        fingerprint.nvidiaDocker = ExecutableLocator.find("nvidia-docker", path: environment["PATH"])
        fingerprint.gpu = fingerprint.runtimes.contains("nvidia") || (fingerprint.nvidiaDocker != nil && Self.isLocal(environment))
        return EnginePreflight(reachable: true, fingerprint: fingerprint)
    }

    public func unreachableReason(environment: [String: String]) async -> String? {
        let version = await docker(["version", "--format", "{{.Server.Version}}"], environment: environment)
        if version.status == 0 { return nil }
        return Self.engineMessage(version.stderr, fallback: version.failure ?? version.stdout)
    }

    public func capabilities(preflight: EnginePreflight, environment: [String: String]) async -> Set<Capability> {
        preflight.fingerprint?.gpu == true ? [.gpu] : []
    }

    @discardableResult
    public func removeContainers(labels: [String: String], onlyStopped: Bool, environment: [String: String]) async -> Int {
        var arguments = ["ps", "-aq", "--no-trunc"]
        for (key, value) in labels.sorted(by: { $0.key < $1.key }) { arguments += ["--filter", "label=\(key)=\(value)"] }
        if onlyStopped { arguments += ["--filter", "status=exited", "--filter", "status=created", "--filter", "status=dead"] }
        let listing = await docker(arguments, environment: environment)
        let ids = listing.stdout.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        guard listing.status == 0, !ids.isEmpty else { return 0 }
        _ = await docker(["rm", "-f"] + ids, environment: environment)
        return ids.count
    }

    /// Gives each learner its own temporary DOCKER_CONFIG, so that one learner's `docker login`
    /// never touches another's credentials (SPEC 2). The user's contexts and CLI plugins are linked
    /// in, and the current context is carried over unless the learner names an engine.
    public func learnerEnvironment(for learner: Learner, base: [String: String]) throws -> LearnerEnvironment {
        let files = FileManager.default
        let temporary = base["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? NSTemporaryDirectory()
        let directory = URL(fileURLWithPath: temporary).appendingPathComponent("runbook-docker-\(learner.id)-\(UUID().uuidString.prefix(8))").path
        try files.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let userConfig = base["DOCKER_CONFIG"].flatMap { $0.isEmpty ? nil : $0 } ?? ((base["HOME"] ?? NSHomeDirectory()) + "/.docker")
        for shared in ["contexts", "cli-plugins"] where files.fileExists(atPath: "\(userConfig)/\(shared)") {
            try? files.createSymbolicLink(atPath: "\(directory)/\(shared)", withDestinationPath: "\(userConfig)/\(shared)")
        }
        var config: [String: Any] = [:]
        if learner.dockerHost == nil, learner.dockerContext == nil,
           let data = files.contents(atPath: "\(userConfig)/config.json"),
           let user = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any], let current = user["currentContext"] as? String {
            config["currentContext"] = current
        }
        let data = try JSONSerialization.data(withJSONObject: config)
        try data.write(to: URL(fileURLWithPath: "\(directory)/config.json"))
        return LearnerEnvironment(variables: ["DOCKER_CONFIG": directory], temporaryDirectory: directory)
    }

    /// True when the environment points at the runner's own engine (no remote host or context).
    static func isLocal(_ environment: [String: String]) -> Bool {
        if let host = environment["DOCKER_HOST"], !host.isEmpty, !host.hasPrefix("unix://") { return false }
        if let context = environment["DOCKER_CONTEXT"], !context.isEmpty, context != "default" { return false }
        return true
    }

    /// The engine's own error, without docker's usage noise; the fallback when it printed nothing.
    static func engineMessage(_ stderr: String, fallback: String) -> String {
        let lines = stderr.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let meaningful = lines.first { $0.contains("Cannot connect") || $0.contains("error") || $0.contains("Error") } ?? lines.first
        let message = meaningful ?? fallback.trimmingCharacters(in: .whitespacesAndNewlines)
        return message.isEmpty ? "the Docker engine did not answer" : message
    }

    private static func json(_ text: String) -> [String: Any]? {
        guard let data = text.data(using: .utf8) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }
}
