import Foundation
import Testing

/// The modules through the image (SPEC 10.1, 10.2): `docker run … runbook:VERSION run …` with the
/// engine's socket and the working folder mounted at the same path, exactly as natively.
@Suite("the image runs the modules", .serialized, .enabled(if: RunbookImage.shouldRun, RunbookImage.why))
struct ImageModuleTests {
    @Test("module 1: every step but the GPU ones passes; results land in the folder, owned by its owner")
    func moduleOne() async throws {
        try RunbookImage.require()
        let password = try #require(try DockerAvailability.labEnvironment()["REGISTRY_PASSWORD"])
        let folder = try RunbookImage.folder("image-module1")
        defer { try? FileManager.default.removeItem(at: folder) }
        try RunbookImage.copy(["workshop.yaml", "modules/1-docker", "lab/vars.yaml"], into: folder)
        try RunbookImage.chownTree(folder)
        let learner = "img\(UInt32.random(in: 0..<UInt32.max))"
        defer { ExternalTool.launch("docker", ["rmi", "-f", "127.0.0.1:5000/\(learner)/tf-mnist"]) }
        let outcome = try await RunbookImage.run(
            ["run", "--var-file", "lab/vars.yaml", "--learner", learner, "--out", "results"], in: folder,
            // The lab's registry listens on the host's loopback, and `docker manifest inspect` (the push's
            // probe) is a request of the CLI itself: it reaches 127.0.0.1:5000 only from the host's network.
            extra: ["--network", "host", "-e", "REGISTRY_PASSWORD=\(password)", "-e", "DOCKER_USERNAME="])
        #expect(outcome.status == 0, "\(outcome.output)")
        let results = try ResultsFile(directory: folder.appendingPathComponent("results"))
        var expected = Dictionary(
            uniqueKeysWithValues: ["ps", "hostname-tty", "hostname", "ps-all", "logs", "rm", "images", "build", "train", "login", "push"]
                .map {
                    ($0, "passed")
                })
        expected["build-gpu"] = "skipped"
        expected["train-gpu"] = "skipped"
        #expect(results.statuses() == expected)
        #expect(RunbookImage.notOwned(in: folder).isEmpty, "owned by someone else: \(RunbookImage.notOwned(in: folder))")
        let workdir = results.learners.first?["workdir"] as? String ?? ""
        #expect(workdir.hasPrefix(folder.path + "/.runbook/"), "a run's ${workdir} lives in the mounted folder: \(workdir)")
        let runId = results.json["runId"] as? String ?? "?"
        await #expect(try ExternalTool.run("docker", ["ps", "-aq", "--filter", "label=io.runbook.run=\(runId)"]).output.isEmpty)
    }

    @Test("module 2: its http: steps reach ${port.web} on the engine's host, not in the runner's container")
    func moduleTwo() async throws {
        try RunbookImage.require()
        let folder = try RunbookImage.folder("image-module2")
        defer { try? FileManager.default.removeItem(at: folder) }
        try RunbookImage.copy(["modules/2-webapp", "lab/webapp-vars.yaml"], into: folder)
        try RunbookImage.chownTree(folder)
        let learner = "imgweb\(UInt32.random(in: 0..<UInt32.max))"
        defer { WebappModuleTests.removeAll(of: [learner]) }
        let outcome = try await RunbookImage.run(
            ["run", "modules/2-webapp/runbook.yaml", "--var-file", "lab/webapp-vars.yaml", "--learner", learner, "--out", "results"],
            in: folder)
        #expect(outcome.status == 0, "\(outcome.output)")
        let results = try ResultsFile(directory: folder.appendingPathComponent("results"))
        #expect(results.statuses().values.allSatisfy { $0 == "passed" }, "\(results.statuses())")
        let port = (results.learners.first?["ports"] as? [String: Int])?["web"] ?? 0
        let commands = results.steps().values.compactMap { ($0["command"] as? [String: Any])?["display"] as? String }.filter {
            $0.hasPrefix("curl")
        }
        #expect(!commands.isEmpty && commands.allSatisfy { $0.contains(":\(port)") && !$0.contains("127.0.0.1") }, "\(commands)")
        #expect(RunbookImage.notOwned(in: folder).isEmpty, "owned by someone else: \(RunbookImage.notOwned(in: folder))")
    }

    @Test("no engine mounted: one line naming the -v flag, exit 2, before any step; validate needs none")
    func noEngine() async throws {
        try RunbookImage.require()
        let folder = try RunbookImage.folder("image-noengine")
        defer { try? FileManager.default.removeItem(at: folder) }
        try RunbookImage.copy(["modules/2-webapp/runbook.yaml"], into: folder)
        try RunbookImage.chownTree(folder)
        let outcome = try await RunbookImage.run(["run", "modules/2-webapp/runbook.yaml"], in: folder, socket: false)
        #expect(outcome.status == 2)
        #expect(outcome.output.contains("add -v /var/run/docker.sock:/var/run/docker.sock to `docker run`"), "\(outcome.output)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("runbook-results").path), "no step ran")
        let validate = try await RunbookImage.run(["validate", "modules/2-webapp/runbook.yaml"], in: folder, socket: false)
        #expect(validate.status == 0, "\(validate.output)")
    }

    @Test("a socket this user may not use: one line naming --group-add, exit 2, before any step")
    func socketWithoutPermission() async throws {
        try RunbookImage.require()
        let folder = try RunbookImage.folder("image-noperm")
        defer { try? FileManager.default.removeItem(at: folder) }
        try RunbookImage.copy(["modules/2-webapp/runbook.yaml"], into: folder)
        try RunbookImage.chownTree(folder)
        // Started as another user (not root), runbook does not take the folder's identity and has not the socket's group.
        let owner = RunbookImage.learnerOwner
        let outcome = try await RunbookImage.run(
            ["run", "modules/2-webapp/runbook.yaml"], in: folder, extra: ["-u", "\(owner.uid):\(owner.gid)"])
        guard getuid() == 0 else { return }  // as a non-root tester the folder's owner may well be in the socket's group
        #expect(outcome.status == 2, "\(outcome.output)")
        #expect(outcome.output.contains("may not use it") && outcome.output.contains("--group-add"), "\(outcome.output)")
    }

    @Test("a working folder that is not the host's: the first step that needs ${workdir} says which -v to add")
    func folderNotMounted() async throws {
        try RunbookImage.require()
        let folder = try RunbookImage.folder("image-nomount")
        defer { try? FileManager.default.removeItem(at: folder) }
        let runbook = """
            runbook: 1
            steps:
              - id: plain
                exec: [echo, fine]
                expect: { stdout: { contains: fine } }
              - id: folder
                sh: echo data > "$workdir/f" && cat "$workdir/f"
                expect: { stdout: { contains: data } }

            """
        try Data(runbook.utf8).write(to: folder.appendingPathComponent("workshop.yaml"))
        let outcome = try await ExternalTool.run(
            "docker",
            ["run", "--rm", "-v", "\(folder.path)/workshop.yaml:/inside/workshop.yaml", "-w", "/inside", RunbookImage.name, "run"])
        #expect(outcome.status == 1, "\(outcome.output)")
        #expect(outcome.output.contains("✓ plain"))
        #expect(outcome.output.contains("-v \"$PWD:$PWD\" -w \"$PWD\""), "\(outcome.output)")
    }

    @Test("--version names the version and the commit; no argument shows the learner's command")
    func version() async throws {
        try RunbookImage.require()
        let version = try await ExternalTool.run("docker", ["run", "--rm", RunbookImage.name, "--version"])
        #expect(version.output.hasPrefix("runbook \(RunbookImage.version) ("), "\(version.output)")
        let usage = try await ExternalTool.run("docker", ["run", "--rm", RunbookImage.name])
        #expect(usage.output.contains("guide --join URL --learner ID"), "\(usage.output)")
    }
}
