import Foundation

/// What a learner gets before its first step (SPEC 6.7): its own ports, its own folder, and the
/// host of its engine; planned for every learner before anything runs, so that a learner without
/// the ports it needs stops the run with a positioned error.
public struct LearnerSetup: Sendable, Hashable {
    /// `${port.NAME}`: name → port.
    public var ports: [String: Int]
    /// `${workdir}`: the folder's path (made when the session opens).
    public var workdir: String
    /// Whether the folder is this run's own, removed after its cleanup (unless kept).
    public var temporaryWorkdir: Bool
    /// `${engine_host}`.
    public var engineHost: String

    /// The built-in values the setup gives: `workdir`, `engine_host`, `port.NAME`.
    public var builtins: [String: String] {
        var values = ["workdir": workdir, "engine_host": engineHost]
        for (name, port) in ports { values[TemplateParser.portPrefix + name] = String(port) }
        return values
    }

    /// The setup of every learner of `configuration`; throws when a learner lacks the ports it needs.
    static func plan(_ configuration: RunConfiguration) throws(SessionError) -> [String: LearnerSetup] {
        let names = portNames(in: configuration.runbook)
        var allocator = PortAllocator()
        allocator.engineHostInUse = configuration.engineHostPortsInUse
        var setups: [String: LearnerSetup] = [:]
        for learner in configuration.learners {
            let remote = configuration.registry.isRemote(learner)
            let ports: [String: Int]
            do {
                ports = try allocator.allocate(
                    names, for: learner, remote: remote, reserved: configuration.reservedPorts[learner.id] ?? [:])
            } catch {
                throw .variables(error)
            }
            let environment = configuration.baseEnvironment
            let host = configuration.usedBackends.first?.host(of: learner, environment: environment) ?? "127.0.0.1"
            let temporary = configuration.policy.mode == .run || configuration.policy.mode == .selftest
            let workdir =
                temporary
                ? temporaryFolder(environment: environment, learner: learner.id)
                : StatePaths.workdir(sha256: configuration.runbook.sha256, learner: learner.id, environment: environment)
            setups[learner.id] = LearnerSetup(ports: ports, workdir: workdir, temporaryWorkdir: temporary, engineHost: host)
        }
        return setups
    }

    /// Every port name the runbook uses: `${port.NAME}` anywhere, and `$port_NAME` in `sh:` scripts.
    public static func portNames(in runbook: Runbook) -> [String] {
        var names: [String] = []
        func add(_ name: String) { if !names.contains(name) { names.append(name) } }
        for reference in RunbookValidator.allTemplates(of: runbook).flatMap(\.variableReferences) {
            if let name = TemplateParser.portName(of: reference.name) { add(name) }
        }
        let scripts =
            runbook.steps.flatMap { [$0.command] + $0.verify.map(\.command) }.compactMap(\.script)
            + runbook.cleanup.compactMap(\.command.script)
        for script in scripts {
            for name in ShellVariables.referenced(in: script) where name.hasPrefix("port_") {
                let port = String(name.dropFirst(5))
                if TemplateParser.isPortName(port) { add(port) }
            }
        }
        return names
    }

    /// A fresh folder path under the temporary folder.
    private static func temporaryFolder(environment: [String: String], learner: String) -> String {
        let root = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? NSTemporaryDirectory()
        return URL(fileURLWithPath: root).appendingPathComponent("runbook-work-\(learner)-\(UUID().uuidString.prefix(8).lowercased())").path
    }
}
