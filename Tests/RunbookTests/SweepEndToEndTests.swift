import Foundation
import Testing

/// The leftover sweep at a learner's start (issue 17, runner fixes 1 and 2), against the real
/// engine: only this module's stopped containers, never one in `created` state, and their
/// anonymous volumes with them.
@Suite("sweeps: only this module's leftovers", .serialized, .enabled(if: DockerAvailability.engineShouldRun, DockerAvailability.whyEngine))
struct SweepEndToEndTests {
    /// A runbook of module `module` (its file name) with one step that leaves nothing behind.
    static func runbook(module: String, in folder: URL) throws -> URL {
        let file = folder.appendingPathComponent("\(module).yaml")
        try """
        runbook: 1
        steps:
          - id: hello
            docker: run --rm \(DockerAvailability.baseImage) echo hello
            expect: { stdout: { contains: hello } }
        """.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// Makes a container as an earlier run of `module` for `learner` would have left it; `exited`
    /// runs it to its end, else it stays `created`. Returns its id and its anonymous volume's name.
    static func leftover(_ name: String, learner: String, module: String, exited: Bool) async -> (id: String, volume: String) {
        let labels = [
            "--label", "io.runbook.run=earlier", "--label", "io.runbook.learner=\(learner)", "--label", "io.runbook.step=keep",
            "--label", "io.runbook.module=\(module)",
        ]
        let id = await DockerAvailability.docker(
            ["create", "--name", name, "-v", "/data"] + labels + [DockerAvailability.baseImage, "true"]
        )
        .trimmingCharacters(in: .whitespacesAndNewlines)
        if exited { await DockerAvailability.docker(["start", "-a", name]) }
        let volume = await DockerAvailability.docker(["inspect", "--format", "{{range .Mounts}}{{.Name}}{{end}}", name])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return (id, volume)
    }

    /// Whether a container of that exact name exists.
    static func exists(container name: String) async -> Bool {
        await !DockerAvailability.docker(["ps", "-aq", "--filter", "name=^/\(name)$"]).isEmpty
    }

    /// Whether a volume of that exact name exists.
    static func exists(volume name: String) async -> Bool {
        await !DockerAvailability.docker(["volume", "ls", "-q", "--filter", "name=^\(name)$"]).isEmpty
    }

    @Test("another module's stopped container and this module's `created` one survive; this module's stopped one goes with its volume")
    func onlyThisModulesStoppedContainers() async throws {
        try await DockerAvailability.requireEngine()
        let learner = "sweep\(UInt32.random(in: 0..<UInt32.max))"
        let scratch = try RunbookBinary.temporaryDirectory("sweep")
        let names = ["\(learner)-other", "\(learner)-created", "\(learner)-old"]
        defer {
            ExternalTool.launch("docker", ["rm", "-f", "-v"] + names)
            try? FileManager.default.removeItem(at: scratch)
        }
        let other = await Self.leftover(names[0], learner: learner, module: "module-a", exited: true)
        let created = await Self.leftover(names[1], learner: learner, module: "module-b", exited: false)
        let old = await Self.leftover(names[2], learner: learner, module: "module-b", exited: true)
        #expect(!old.volume.isEmpty && !other.id.isEmpty && !created.id.isEmpty)
        let runbook = try Self.runbook(module: "module-b", in: scratch)
        let outcome = try await RunbookBinary.run(
            ["run", runbook.path, "--learner", learner, "--out", scratch.appendingPathComponent("out").path], in: scratch)
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(await Self.exists(container: names[0]), "module A's container is not module B's to sweep")
        #expect(await Self.exists(container: names[1]), "a created container may be about to start: never swept")
        #expect(await !Self.exists(container: names[2]), "module B's stopped leftover is swept")
        #expect(await !Self.exists(volume: old.volume), "with its anonymous volume (rm -v)")
        #expect(await Self.exists(volume: other.volume))
    }
}
