import Foundation
import ProcessHarness
import Testing

/// The `runbook` image of `make image` (SPEC 10.1) for end-to-end tests: `RUNBOOK_IMAGE` (make test
/// sets it), else `runbook:VERSION`. Its tests run with `CI=true` always (a missing image fails
/// them), elsewhere when the engine answers and the image exists.
enum RunbookImage {
    /// The version in the repository's VERSION file.
    static let version: String = {
        let text = (try? String(contentsOf: DockerAvailability.repositoryRoot.appendingPathComponent("VERSION"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").first.map(String.init) ?? "0.0.0"
    }()

    /// The image tested.
    static let name = ProcessInfo.processInfo.environment["RUNBOOK_IMAGE"].flatMap { $0.isEmpty ? nil : $0 } ?? "runbook:\(version)"

    /// Whether the engine has the image.
    static let exists: Bool =
        DockerAvailability.engineAnswers
        && {
            // A test trait's condition cannot be async: one blocking check, once.
            guard let child = try? ChildProcess.spawn("docker", ["image", "inspect", "--format", "{{.Id}}", name]) else { return false }
            return child.exitStatusBlocking() == 0
        }()

    /// The condition of the `.enabled(if:)` trait.
    static var shouldRun: Bool { DockerAvailability.inCI || (exists && DockerAvailability.labReady) }

    /// Why such a test is skipped.
    static let why: Comment =
        "needs the image of make image (RUNBOOK_IMAGE, default runbook:VERSION) and the lab; with CI=true it runs and fails without them"

    /// Fails the calling test unless the lab is up and the image is there.
    static func require(sourceLocation: SourceLocation = #_sourceLocation) throws {
        try DockerAvailability.requireLab(sourceLocation: sourceLocation)
        try #require(exists, "no image \(name): run make image", sourceLocation: sourceLocation)
    }

    /// The uid and gid the learner's folder gets: a non-root one when the tests run as root, so
    /// that "files belong to the folder's owner" can fail.
    static let learnerOwner: (uid: UInt32, gid: UInt32) = getuid() == 0 ? (4242, 4242) : (getuid(), getgid())

    /// A fresh folder under the temporary folder (a host path the engine sees), owned by `learnerOwner`.
    static func folder(_ name: String) throws -> URL {
        let url = try RunbookBinary.temporaryDirectory(name)
        try chownTree(url)
        return url
    }

    /// Gives everything under `url` to `learnerOwner`.
    static func chownTree(_ url: URL) throws {
        guard getuid() == 0 else { return }
        let paths =
            [url.path] + (FileManager.default.enumerator(atPath: url.path)?.compactMap { $0 as? String }.map { url.path + "/" + $0 } ?? [])
        for path in paths { lchown(path, learnerOwner.uid, learnerOwner.gid) }
    }

    /// Copies the repository's `paths` (files or folders) into `folder`, keeping them relative.
    static func copy(_ paths: [String], into folder: URL) throws {
        for path in paths {
            let target = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: DockerAvailability.repositoryRoot.appendingPathComponent(path), to: target)
        }
    }

    /// `docker run --rm [-it] -v SOCKET -v FOLDER:FOLDER -w FOLDER [extra] IMAGE ARGUMENTS…`: the learner's one command.
    static func command(_ arguments: [String], in folder: URL, extra: [String] = [], socket: Bool = true) -> [String] {
        ["docker", "run", "--rm"] + (socket ? ["-v", "/var/run/docker.sock:/var/run/docker.sock"] : [])
            + ["-v", "\(folder.path):\(folder.path)", "-w", folder.path] + extra + [name] + arguments
    }

    /// Runs the learner's command to the end.
    static func run(_ arguments: [String], in folder: URL, extra: [String] = [], socket: Bool = true) async throws -> ExternalTool.Result {
        let argv = command(arguments, in: folder, extra: extra, socket: socket)
        return try await ExternalTool.run(argv[0], Array(argv.dropFirst()))
    }

    /// Paths under `folder` (relative) whose owner is not `learnerOwner`.
    static func notOwned(in folder: URL) -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []).filter { path in
            var info = stat()
            return lstat(folder.path + "/" + path, &info) == 0 && (info.st_uid != learnerOwner.uid || info.st_gid != learnerOwner.gid)
        }
    }
}
