import Testing
import Workflow

@testable import Steps

@Suite("Docker command kind")
struct DockerCommandKindTests {
    private func context(gpu: Bool, path: String = "/nonexistent") -> CommandContext {
        CommandContext(
            learner: "alice", step: "train", runId: "r1", environment: ["PATH": path], marksCreations: true,
            capabilities: gpu ? [DockerBackend.gpu] : [])
    }

    @Test("run gets the three labels right after the subcommand; the display keeps the words as written")
    func labelsAfterRun() throws {
        let prepared = try DockerCommandKind.docker.prepare(
            ResolvedCommand(key: "docker", words: ["--context", "x", "run", "--rm", "img"]), context: context(gpu: false)
        ).get()
        #expect(prepared.executable == "docker")
        #expect(
            prepared.arguments == [
                "--context", "x", "run", "--label", "io.runbook.run=r1", "--label", "io.runbook.learner=alice", "--label",
                "io.runbook.step=train", "--rm", "img",
            ])
        #expect(prepared.display == ["docker", "--context", "x", "run", "--rm", "img"])
    }

    @Test("container create is labelled too; other subcommands are not")
    func containerCreate() throws {
        let kind = DockerCommandKind.docker
        let created = try kind.prepare(ResolvedCommand(key: "docker", words: ["container", "create", "img"]), context: context(gpu: false))
            .get()
        #expect(created.arguments.prefix(3) == ["container", "create", "--label"])
        let listed = try kind.prepare(ResolvedCommand(key: "docker", words: ["ps", "-a"]), context: context(gpu: false)).get()
        #expect(listed.arguments == ["ps", "-a"])
    }

    @Test("nvidia-docker run without nvidia-docker on PATH becomes docker run --gpus all when the engine has a GPU")
    func gpusAll() throws {
        let prepared = try DockerCommandKind.nvidiaDocker.prepare(
            ResolvedCommand(key: "docker", words: ["run", "--rm", "img:gpu"]), context: context(gpu: true)
        ).get()
        #expect(prepared.executable == "docker")
        #expect(prepared.binary == "docker")
        #expect(
            prepared.arguments == [
                "run", "--gpus", "all", "--label", "io.runbook.run=r1", "--label", "io.runbook.learner=alice", "--label",
                "io.runbook.step=train", "--rm", "img:gpu",
            ])
        #expect(prepared.note?.contains("--gpus all") == true)
        #expect(prepared.display == ["nvidia-docker", "run", "--rm", "img:gpu"])
    }

    @Test("nvidia-docker run on an engine without GPU is an error naming the missing runtime")
    func noRuntime() {
        let result = DockerCommandKind.nvidiaDocker.prepare(
            ResolvedCommand(key: "docker", words: ["run", "img"]), context: context(gpu: false))
        #expect(throws: CommandProblem("no NVIDIA runtime on this engine")) { try result.get() }
    }

    @Test("other nvidia-docker subcommands go to docker")
    func otherSubcommands() throws {
        let prepared = try DockerCommandKind.nvidiaDocker.prepare(
            ResolvedCommand(key: "docker", words: ["build", "-t", "x", "."]), context: context(gpu: false)
        ).get()
        #expect(prepared.executable == "docker")
        #expect(prepared.arguments == ["build", "-t", "x", "."])
    }
}
