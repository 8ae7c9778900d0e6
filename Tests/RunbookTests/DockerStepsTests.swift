import Foundation
import Testing

/// Docker steps without a real engine: the exact argv of the GPU steps (stub binaries on PATH) and a dead engine.
@Suite("runbook run: docker steps")
struct DockerStepsTests {
    static let repositoryRoot = RunbookBinary.url.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let workshop = repositoryRoot.appendingPathComponent("workshop.yaml")

    /// Runs the workshop's GPU steps with stubs on PATH; returns every recorded invocation (argv) and the results.
    func runGPUSteps(withNvidiaDocker: Bool, runtimes: String, gpu: String = "") async throws -> (
        invocations: [[String]], results: ResultsFile
    ) {
        let run = try await StubDocker.run(
            Self.workshop, ["--only", "build-gpu,train-gpu"], nvidiaDocker: withNvidiaDocker,
            environment: ["STUB_RUNTIMES": runtimes, "STUB_GPU": gpu])
        #expect(run.outcome.status == 0, "\(run.outcome.stdout)\(run.outcome.stderr)")
        return (run.invocations, run.results)
    }

    static func labels(_ results: ResultsFile, step: String) -> [String] {
        let runId = results.json["runId"] as? String ?? "?"
        return [
            "--label", "io.runbook.run=\(runId)", "--label", "io.runbook.learner=local", "--label", "io.runbook.step=\(step)",
            "--label", "io.runbook.module=1-docker",
        ]
    }

    @Test("without nvidia-docker, on an engine where --gpus works: docker build, then docker run --gpus all")
    func gpusAll() async throws {
        let (invocations, results) = try await runGPUSteps(withNvidiaDocker: false, runtimes: #"{"nvidia":{},"runc":{}}"#, gpu: "gpus")
        #expect(results.statuses()["build-gpu"] == "passed")
        #expect(results.statuses()["train-gpu"] == "passed")
        #expect(
            invocations.contains([
                "docker", "build", "-f", "Dockerfile.gpu", "--build-arg", "BASE_IMAGE=tensorflow/tensorflow:1.4.0-gpu", "-t",
                "docker.io/alice/tf-mnist:gpu", ".",
            ]))
        #expect(
            invocations.contains(
                ["docker", "run", "--gpus", "all"] + Self.labels(results, step: "train-gpu") + ["--rm", "docker.io/alice/tf-mnist:gpu"]))
        let command = results.steps()["train-gpu"]?["command"] as? [String: Any]
        #expect(command?["binary"] as? String == "docker")
        #expect((command?["note"] as? String)?.contains("--gpus all") == true)
        #expect(command?["display"] as? String == "nvidia-docker run --rm docker.io/alice/tf-mnist:gpu")
    }

    @Test("with nvidia-docker on PATH and an engine that can give a container the GPU: nvidia-docker run, as the module says")
    func nvidiaDocker() async throws {
        let (invocations, results) = try await runGPUSteps(withNvidiaDocker: true, runtimes: #"{"runc":{}}"#, gpu: "gpus")
        #expect(results.statuses()["train-gpu"] == "passed")
        #expect(
            invocations.contains(
                ["nvidia-docker", "run"] + Self.labels(results, step: "train-gpu") + ["--rm", "docker.io/alice/tf-mnist:gpu"]))
        let dockerGPUs = invocations.filter { $0.first == "docker" && $0.contains("--gpus") && !$0.contains("nvidia-smi") }
        #expect(dockerGPUs.isEmpty, "only the probe ran docker --gpus")
        let command = results.steps()["train-gpu"]?["command"] as? [String: Any]
        #expect(command?["binary"] as? String == "nvidia-docker")
        let fingerprint = (results.learners.first?["preflight"] as? [String: Any])?["fingerprint"] as? [String: Any]
        #expect((fingerprint?["gpu"] as? [String: Any])?["available"] as? Bool == true)
        #expect(fingerprint?["storageDriver"] as? String == "stubfs")
    }

    @Test("without any GPU the GPU steps are skipped with the probe's reason, never run")
    func noGPU() async throws {
        let (invocations, results) = try await runGPUSteps(withNvidiaDocker: false, runtimes: #"{"runc":{}}"#)
        #expect(results.statuses()["build-gpu"] == "skipped")
        let reason = results.steps()["train-gpu"]?["reason"] as? String
        #expect(reason == "no GPU driver hook on this engine: docker run --gpus could not select device driver")
        #expect(!invocations.contains { $0.dropFirst().first == "build" || ($0.dropFirst().first == "run" && !$0.contains("nvidia-smi")) })
    }

    @Test("a dead engine: every docker step is error with the engine's message; exec and sh steps still run")
    func engineDown() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("down")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("results")
        let socket = scratch.appendingPathComponent("nobody.sock").path
        let outcome = try await RunbookBinary.run(
            ["run", RunbookBinary.fixtures.appendingPathComponent("docker/engine-down.yaml").path, "--out", out.path],
            environment: ["DOCKER_HOST": "unix://\(socket)", "DOCKER_CONTEXT": ""])
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 1)
        let results = try ResultsFile(directory: out)
        #expect(
            results.statuses() == [
                "ps": "error", "local-work": "passed", "run": "error", "needs-run": "error", "gpu": "error", "shell-work": "passed",
            ])
        for step in ["ps", "run", "needs-run", "gpu"] {
            let reason = results.steps()[step]?["reason"] as? String ?? ""
            #expect(reason.contains("Cannot connect to the Docker daemon") && reason.contains(socket), "\(step): \(reason)")
        }
        let preflight = results.learners.first?["preflight"] as? [String: Any]
        #expect(preflight?["status"] as? String == "error")
        #expect(outcome.stdout.contains("engine unreachable"))
    }

    @Test("three learners on one engine: one docker --version and one docker info for the run, no sweep after run --rm in the foreground")
    func fewestDockerCalls() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("docker-calls")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let roster = scratch.appendingPathComponent("roster.yaml")
        try "learners:\n  - id: ada\n  - id: bob\n  - id: cy\n".write(to: roster, atomically: true, encoding: .utf8)
        func calls(_ run: String) async throws -> [[String]] {
            let runbook = scratch.appendingPathComponent("runbook.yaml")
            try """
            runbook: 1
            steps:
              - id: hello
                docker: \(run)
                expect: { stdout: { contains: Accuracy } }
            """.write(to: runbook, atomically: true, encoding: .utf8)
            let result = try await StubDocker.run(runbook, ["--learners", roster.path])
            #expect(result.outcome.status == 0, "\(result.outcome.stdout)\(result.outcome.stderr)")
            return result.invocations
        }
        let foreground = try await calls("run --rm stub/train")
        #expect(foreground.filter { $0 == ["docker", "--version"] }.count == 1, "\(foreground)")
        #expect(foreground.filter { $0.dropFirst().first == "info" }.count == 1, "one preflight for the engine: \(foreground)")
        #expect(!foreground.contains { $0.dropFirst().first == "ps" }, "nothing left to sweep: \(foreground)")
        #expect(foreground.count == 1 + 1 + 3, "\(foreground)")
        let detached = try await calls("run -d --rm stub/train")
        #expect(detached.filter { $0.dropFirst().first == "ps" }.count == 3, "a detached container is swept: \(detached)")
        let kept = try await calls("run stub/train")
        #expect(kept.filter { $0.dropFirst().first == "ps" }.count == 3, "a container without --rm is swept: \(kept)")
    }
}
