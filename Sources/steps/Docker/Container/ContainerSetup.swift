import Foundation
import Workflow

/// What runbook does differently inside a container (SPEC 10.2): its state, outboxes and temporary
/// folders live under the mounted working folder (`$PWD/.runbook/`), files there belong to the
/// folder's owner, a missing engine is one line naming the `-v` flag, `${workdir}` is made when
/// first needed and only in a folder of the host, and `${port.NAME}` are free on the engine's host.
public enum ContainerSetup {
    /// First thing in `main`: the folder owner's identity and the state folders (nothing is written
    /// yet); a warning to show when the files cannot be the folder owner's, nil otherwise.
    public static func prepareProcess() -> String? {
        guard ContainerDetection.current else { return nil }
        let folder = FileManager.default.currentDirectoryPath
        let environment = ProcessInfo.processInfo.environment
        var warning: String?
        if case .failed(let why) = FolderOwner.adopt(folder: folder, socket: EngineSocket.path(environment: environment)) {
            warning = "files written in \(folder) stay root's: \(why)"
        }
        // Explicit XDG_STATE_HOME and TMPDIR win; the defaults would be lost with the container (`--rm`).
        if environment["XDG_STATE_HOME"]?.isEmpty ?? true { setenv("XDG_STATE_HOME", folder + "/.runbook", 1) }
        if environment["TMPDIR"]?.isEmpty ?? true { setenv("TMPDIR", folder + "/.runbook/tmp", 1) }
        return warning
    }

    /// Before any step of `run`, `check`, `selftest` or `guide`: the problem (exit 2) when the
    /// runbook needs an engine and none is mounted; the workdir check; the engine host's ports in use.
    public static func prepare(_ configuration: inout RunConfiguration) async -> String? {
        guard ContainerDetection.current else { return nil }
        let environment = configuration.baseEnvironment
        let local = configuration.learners.allSatisfy { !configuration.registry.isRemote($0) }
        if local, configuration.runbook.backends.contains(DockerBackend().name),
            let problem = EngineSocket.problem(environment: environment)
        {
            return problem
        }
        if let temporary = environment["TMPDIR"], !temporary.isEmpty {
            try? FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        }
        configuration.workdirPlaceCheck = { path in WorkdirPlace.problem(for: path) }
        if local, !LearnerSetup.portNames(in: configuration.runbook).isEmpty {
            configuration.engineHostPortsInUse = await EngineHostPorts.listening(environment: environment)
        }
        return nil
    }
}
