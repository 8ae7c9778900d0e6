import Foundation
import Synchronization
import Text
import Workflow

/// The image of the probe containers that make `http:` requests from inside a container's network
/// namespace or a network (SPEC 12.2): built once per engine, offline, with `docker import` of
/// runbook's own executable and its libraries (`ProbeImageRoot`), `runbook probe-http` as its
/// entry point, and labelled as runbook's. It is kept on the engine under a tag that changes with
/// the executable; building a new one removes the earlier ones of the same executable path.
final class ProbeImage: Sendable {
    /// The one per process.
    static let shared = ProbeImage()
    /// The repository of the image.
    static let repository = "runbook-probe"
    /// The label every probe image carries.
    static let label = "io.runbook.probe"
    /// The label holding the executable's path.
    static let binaryLabel = "io.runbook.probe.binary"

    private let references = SharedTasks<String, String, CommandProblem>()
    private let cli = DockerCLI(timeout: .seconds(300))

    /// The image's reference on the engine that `environment` names, built there first when missing.
    func reference(environment: [String: String]) async -> Result<String, CommandProblem> {
        await references.value(for: EngineEndpoint.resolve(environment).text) { await self.ensure(environment: environment) }
    }

    private func ensure(environment: [String: String]) async -> Result<String, CommandProblem> {
        let root: ProbeImageRoot
        switch await ProbeImageRoot.current() {
        case .failure(let problem): return .failure(problem)
        case .success(let found): root = found
        }
        let reference = "\(Self.repository):\(root.tag)"
        if await exists(reference, environment: environment) { return .success(reference) }
        // An engine that does not answer gets no 200 MB archive built for nothing.
        if let endpoint = EngineEndpoint.api(environment), let failure = await EngineClient.shared.ping(at: endpoint) {
            return .failure(CommandProblem(failure.message))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-probe-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try root.archive(to: folder.appendingPathComponent("root.tar").path)
        } catch {
            return .failure(CommandProblem("cannot build the probe image: \(error)"))
        }
        let entrypoint = JSONValue.array([.string(root.executable), .string("probe-http")]).text
        let changes = ["ENTRYPOINT \(entrypoint)", "LABEL \(Self.label)=1", "LABEL \(Self.binaryLabel)=\(root.executable)"]
        let imported = await cli.run(
            ["import"] + changes.flatMap { ["--change", $0] } + [folder.appendingPathComponent("root.tar").path, reference],
            environment: environment)
        guard imported.status == 0 else {
            return .failure(CommandProblem("cannot import the probe image: \(DockerCLI.engineMessage(imported))"))
        }
        await removeEarlier(than: reference, executable: root.executable, environment: environment)
        return .success(reference)
    }

    /// Whether the engine has `reference`.
    private func exists(_ reference: String, environment: [String: String]) async -> Bool {
        if let endpoint = EngineEndpoint.api(environment) {
            return (try? await EngineClient.shared.inspect("image", reference, at: endpoint)) != nil
        }
        return await cli.run(["image", "inspect", "--format", "{{.Id}}", reference], environment: environment).status == 0
    }

    /// Removes the probe images of the same executable path but another tag (best effort: one in use stays).
    private func removeEarlier(than reference: String, executable: String, environment: [String: String]) async {
        let listing = await cli.run(
            ["image", "ls", "--filter", "label=\(Self.binaryLabel)=\(executable)", "--format", "{{.Repository}}:{{.Tag}}"],
            environment: environment)
        let earlier = listing.stdout.split(separator: "\n").map(String.init).filter {
            $0 != reference && $0.hasPrefix(Self.repository + ":")
        }
        if !earlier.isEmpty { _ = await cli.run(["image", "rm"] + earlier, environment: environment) }
    }
}
