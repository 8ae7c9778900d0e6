import Foundation
import Testing

/// `make dist`'s tarball in a bare Debian container with no Swift (SPEC 10.1): `runbook --version`
/// and a module of `exec:` steps.
@Suite("the dist tarball runs without Swift", .enabled(if: DistTarball.shouldRun, DockerAvailability.whyEngine))
struct DistTarballTests {
    @Test("unpacked in runbook-lab/ubuntu (debootstrap minbase): --version, then a module of exec: steps passes")
    func bareContainer() async throws {
        try await DistTarball.run()
    }
}

/// `make dist`'s tarball and its check.
enum DistTarball {
    /// `dist/runbook-VERSION-linux-ARCH.tar.gz`.
    static let tarball: URL = {
        var machine = utsname()
        uname(&machine)
        let arch = withUnsafeBytes(of: machine.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return DockerAvailability.repositoryRoot.appendingPathComponent("dist/runbook-\(RunbookImage.version)-linux-\(arch).tar.gz")
    }()

    /// Always in CI (make test makes the tarball first); elsewhere when it and the engine are there.
    static var shouldRun: Bool {
        DockerAvailability.inCI || (DockerAvailability.engineAnswers && FileManager.default.fileExists(atPath: tarball.path))
    }

    /// Unpacks it in a bare container and runs a module of `exec:` steps.
    static func run() async throws {
        try await DockerAvailability.requireEngine()
        try #require(FileManager.default.fileExists(atPath: tarball.path), "no \(tarball.path): run make dist")
        let folder = try RunbookBinary.temporaryDirectory("dist")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: tarball, to: folder.appendingPathComponent(tarball.lastPathComponent))
        let module = """
            runbook: 1
            title: exec steps
            steps:
              - id: kernel
                exec: [uname, -s]
                expect: { stdout: { equals: Linux } }
              - id: file
                exec: [sh, -c, "echo made > ${workdir}/f && cat ${workdir}/f"]
                expect: { stdout: { contains: made } }

            """
        try Data(module.utf8).write(to: folder.appendingPathComponent("exec.yaml"))
        let script = """
            set -e
            if command -v swift >/dev/null || [ -e /usr/lib/swift ] || [ -e /opt/swift ]; then echo "swift is here"; exit 9; fi
            tar -xzf \(tarball.lastPathComponent)
            bin=$(ls -d runbook-*/bin)/runbook
            $bin --version
            $bin run exec.yaml --out results
            """
        let outcome = try await ExternalTool.run(
            "docker",
            ["run", "--rm", "-v", "\(folder.path):\(folder.path)", "-w", folder.path, DockerAvailability.baseImage, "sh", "-c", script])
        #expect(outcome.status == 0, "\(outcome.output)")
        #expect(outcome.output.contains("runbook \(RunbookImage.version) ("), "\(outcome.output)")
        let results = try ResultsFile(directory: folder.appendingPathComponent("results"))
        #expect(results.statuses() == ["kernel": "passed", "file": "passed"])
    }
}
