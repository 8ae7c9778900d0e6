import Foundation
import Testing

/// The preflight's GPU ladder with a stub `docker` on PATH, rung by rung and failure by failure:
/// `--gpus all`, then `--device nvidia.com/gpu=all` (CDI devices listed), then `--runtime=nvidia`
/// (runtime listed); what worked goes to the fingerprint and to `nvidia-docker run`; what failed
/// is an environment error with its own reason.
@Suite("GPU detection")
struct GPULadderTests {
    static let steps = RunbookBinary.fixtures.appendingPathComponent("docker/gpu-steps.yaml")
    static let cdi = GPUStubListing.cdi
    static let nvidiaRuntime = GPUStubListing.nvidiaRuntime
    static let probeImage = "stub/gpu:latest"

    /// The flags of each probe, in order (what sits between the labels and the image).
    static func rungs(_ run: StubDocker.Run) -> [String] {
        run.probes.map { probe in
            let start = (probe.lastIndex(of: "--label") ?? 0) + 2
            let end = probe.firstIndex(of: probeImage) ?? probe.count
            return probe[start..<end].joined(separator: " ")
        }
    }

    /// The `docker run` of step `id` (labelled with it).
    static func stepRun(_ run: StubDocker.Run, _ id: String) -> [String]? {
        run.invocations.first { $0.contains("io.runbook.step=\(id)") && !$0.contains("nvidia-smi") }
    }

    @Test("--gpus all works: one probe, method gpus, two A100s, nvidia-docker run becomes docker run --gpus all")
    func gpus() async throws {
        let run = try await StubDocker.run(Self.steps, environment: ["STUB_GPU": "gpus"])
        #expect(run.outcome.status == 0, "\(run.outcome.stdout)")
        #expect(Self.rungs(run) == ["--gpus all"])
        let probe = try #require(run.probes.first)
        #expect(Array(probe.prefix(5)) == ["docker", "run", "--rm", "--pull", "never"])
        #expect(probe.contains("io.runbook.learner=gpu-probe") && probe.contains("io.runbook.step=gpu-probe"), "labelled for sweeps")
        #expect(run.gpu["available"] as? Bool == true)
        #expect(run.gpu["method"] as? String == "gpus")
        #expect(run.gpu["count"] as? Int == 2)
        #expect(run.gpu["models"] as? [String] == ["NVIDIA A100-SXM4-40GB"])
        let evidence = (run.gpu["evidence"] as? [[String: Any]])?.first
        let query =
            "nvidia-smi --query-gpu=name,uuid,compute_cap,memory.total,mig.mode.current,driver_version "
            + "--format=csv,noheader,nounits"
        #expect(evidence?["command"] as? String == "docker run --rm --pull never --gpus all stub/gpu:latest \(query)")
        #expect(evidence?["exitCode"] as? Int == 0)
        #expect((evidence?["output"] as? String)?.hasPrefix("NVIDIA A100-SXM4-40GB, GPU-0b6f2a1c-") == true)
        #expect(run.gpu["driver"] as? String == "550.54.15")
        #expect(run.gpu["cudaMax"] as? String == "12.4")
        let devices = run.gpu["devices"] as? [[String: Any]] ?? []
        #expect(devices.count == 2)
        #expect(devices.first?["name"] as? String == "NVIDIA A100-SXM4-40GB")
        #expect(devices.first?["uuid"] as? String == "GPU-0b6f2a1c-0000-0000-0000-000000000000")
        #expect(devices.first?["computeCapability"] as? String == "8.0")
        #expect(devices.first?["memoryMiB"] as? Int == 40960)
        #expect(devices.first?["mig"] as? Bool == false && devices.last?["mig"] as? Bool == true)
        #expect(Self.stepRun(run, "train")?.prefix(4) == ["docker", "run", "--gpus", "all"])
        let statuses = run.results.statuses()
        #expect(statuses == ["engine": "passed", "train": "passed", "gpus": "passed", "guarded": "passed", "elsewhere": "skipped"])
        #expect(!run.invocations.contains { $0.contains("label=io.runbook.learner=gpu-probe") }, "a probe that worked leaves nothing")
        let summary = (run.results.learners.first?["preflight"] as? [String: Any])?["summary"] as? String
        #expect(summary?.hasSuffix("GPU: 2× NVIDIA A100-SXM4-40GB, driver 550.54.15, CUDA ≤ 12.4 (--gpus all)") == true, "\(summary ?? "")")
    }

    @Test("CDI: --gpus fails and is swept, --device nvidia.com/gpu=all works and is what nvidia-docker steps get")
    func cdi() async throws {
        let run = try await StubDocker.run(Self.steps, environment: ["STUB_GPU": "cdi", "STUB_CDI": Self.cdi, "STUB_LEFTOVER": "0123abcd"])
        #expect(Self.rungs(run) == ["--gpus all", "--device nvidia.com/gpu=all"])
        #expect(run.gpu["method"] as? String == "cdi")
        #expect((run.gpu["evidence"] as? [[String: Any]])?.first?["exitCode"] as? Int == 125)
        let train = try #require(Self.stepRun(run, "train"))
        #expect(train.prefix(4) == ["docker", "run", "--device", "nvidia.com/gpu=all"])
        let note = (run.results.steps()["train"]?["command"] as? [String: Any])?["note"] as? String
        #expect(note == "nvidia-docker is not on PATH: ran `docker run --device nvidia.com/gpu=all` instead")
        let sweep = try #require(run.invocations.firstIndex { $0.contains("label=io.runbook.learner=gpu-probe") })
        #expect(run.invocations[sweep + 1] == ["docker", "rm", "-f", "-v", "0123abcd"], "the failed probe's container and volumes go")
        #expect(run.results.statuses()["train"] == "passed")
    }

    @Test("the nvidia runtime: the third rung; CDI is not tried where docker info lists no CDI device")
    func runtime() async throws {
        let run = try await StubDocker.run(Self.steps, environment: ["STUB_GPU": "runtime", "STUB_RUNTIMES": Self.nvidiaRuntime])
        #expect(Self.rungs(run) == ["--gpus all", "--runtime=nvidia -e NVIDIA_VISIBLE_DEVICES=all"])
        #expect(run.gpu["method"] as? String == "runtime")
        #expect(Self.stepRun(run, "train")?.prefix(5) == ["docker", "run", "--runtime=nvidia", "-e", "NVIDIA_VISIBLE_DEVICES=all"])
        #expect(run.results.statuses()["guarded"] == "passed")
    }

    @Test(
        "each failure is an environment error with its own reason; `when: gpu` skips with it",
        arguments: [
            ([:], "no GPU driver hook on this engine: docker run --gpus could not select device driver", ["--gpus all"]),
            (
                ["STUB_CDI": GPUStubListing.cdi],
                "no GPU driver hook on this engine: docker run --gpus could not select device driver; "
                    + "the engine's CDI GPU devices cannot be used: unresolvable CDI devices nvidia.com/gpu=all",
                ["--gpus all", "--device nvidia.com/gpu=all"]
            ),
            (
                ["STUB_RUNTIMES": GPUStubListing.nvidiaRuntime],
                "no GPU driver hook on this engine: docker run --gpus could not select device driver; "
                    + "no NVIDIA runtime on this engine: unknown or invalid runtime name nvidia",
                ["--gpus all", "--runtime=nvidia -e NVIDIA_VISIBLE_DEVICES=all"]
            ),
        ])
    func failures(environment: [String: String], reason: String, rungs: [String]) async throws {
        let run = try await StubDocker.run(Self.steps, environment: environment)
        #expect(run.outcome.status == 1)
        #expect(Self.rungs(run) == rungs)
        #expect(run.gpu["available"] as? Bool == false)
        #expect(run.gpu["reason"] as? String == reason)
        #expect((run.gpu["evidence"] as? [Any])?.count == rungs.count)
        let steps = run.results.steps()
        #expect(steps["train"]?["status"] as? String == "error")
        #expect(steps["train"]?["reason"] as? String == reason)
        #expect(steps["gpus"]?["status"] as? String == "error", "a docker run --gpus step is not run where the probe proved it cannot work")
        #expect(steps["gpus"]?["reason"] as? String == reason)
        #expect(steps["guarded"]?["status"] as? String == "skipped")
        #expect(steps["guarded"]?["reason"] as? String == reason)
        #expect(steps["elsewhere"]?["status"] as? String == "passed")
        #expect(steps["engine"]?["status"] as? String == "passed")
        #expect(Self.stepRun(run, "train") == nil && Self.stepRun(run, "gpus") == nil)
    }

    @Test("the probe's image is not on the engine yet: one probe, then docker info decides")
    func imageMissing() async throws {
        let listed = try await StubDocker.run(
            Self.steps, environment: ["STUB_GPU_IMAGE_MISSING": "1", "STUB_RUNTIMES": Self.nvidiaRuntime])
        #expect(Self.rungs(listed) == ["--gpus all"], "every rung would miss the same image")
        #expect(listed.gpu["available"] as? Bool == true)
        #expect(listed.gpu["method"] as? String == "docker info")
        #expect(Self.stepRun(listed, "train")?.prefix(3) == ["docker", "run", "--runtime=nvidia"])
        let unlisted = try await StubDocker.run(Self.steps, environment: ["STUB_GPU_IMAGE_MISSING": "1"])
        #expect(unlisted.gpu["available"] as? Bool == false)
        let guarded = unlisted.results.steps()["guarded"]?["reason"] as? String
        #expect(guarded == "no NVIDIA runtime on this engine", "unproven: the declared reason")
        #expect(unlisted.results.steps()["train"]?["reason"] as? String == "no NVIDIA runtime on this engine")
        #expect(unlisted.results.steps()["gpus"]?["status"] as? String == "passed", "unproven: the step runs and the engine judges")
    }

    @Test("a runbook without GPU steps runs no probe; docker info alone decides `when: gpu`")
    func noGPUSteps() async throws {
        let runbook = RunbookBinary.fixtures.appendingPathComponent("docker/no-gpu-steps.yaml")
        let plain = try await StubDocker.run(runbook, environment: ["STUB_GPU": "gpus"])
        #expect(plain.probes.isEmpty)
        #expect(plain.results.statuses()["guarded"] == "skipped")
        let listed = try await StubDocker.run(runbook, environment: ["STUB_RUNTIMES": Self.nvidiaRuntime])
        #expect(listed.probes.isEmpty)
        #expect(listed.results.statuses()["guarded"] == "passed")
        #expect(listed.gpu["method"] as? String == "docker info")
    }
}

/// What the stub's `docker info` lists, for the arguments of the tests above.
enum GPUStubListing {
    /// `DiscoveredDevices` of an engine with NVIDIA CDI devices (Docker 28.3+).
    static let cdi = #"[{"Source":"cdi","ID":"nvidia.com/gpu=0"},{"Source":"cdi","ID":"nvidia.com/gpu=all"}]"#
    /// `Runtimes` of an engine with the nvidia runtime.
    static let nvidiaRuntime = #"{"nvidia":{"path":"nvidia-container-runtime"},"runc":{"path":"runc"}}"#
}
