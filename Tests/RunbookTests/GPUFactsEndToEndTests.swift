import Foundation
import Testing

/// GPU facts end to end with the stub `docker` (SPEC 12.4): an image whose `NVIDIA_REQUIRE_CUDA`
/// the driver cannot meet is `error` before it runs; the runtime's own GPU failures are `error`
/// with a sentence; an old driver without `compute_cap` still counts as a GPU.
@Suite("GPU facts: before and after a GPU step")
struct GPUFactsEndToEndTests {
    static let steps = RunbookBinary.fixtures.appendingPathComponent("docker/gpu-steps.yaml")

    @Test("an image that needs a newer CUDA than the driver's: both GPU steps are error and never run")
    func refusedBeforeRunning() async throws {
        let run = try await StubDocker.run(
            Self.steps, environment: ["STUB_GPU": "gpus", "STUB_IMAGE_ENV": #"["NVIDIA_REQUIRE_CUDA=cuda>=12.6"]"#])
        let steps = run.results.steps()
        let reason =
            "image stub/gpu:latest needs CUDA 12.6 or newer (NVIDIA_REQUIRE_CUDA=cuda>=12.6), but this machine's NVIDIA driver "
            + "550.54.15 supports CUDA up to 12.4: update the driver, or use an image built for CUDA 12.4 or older"
        for id in ["train", "gpus"] {
            #expect(steps[id]?["status"] as? String == "error")
            #expect(steps[id]?["reason"] as? String == reason)
            #expect(GPULadderTests.stepRun(run, id) == nil, "\(id) never ran")
        }
        #expect(run.results.statuses()["guarded"] == "passed", "the GPU itself works")
    }

    @Test("the runtime's `unsatisfied condition: cuda>=`: error with the driver's versions")
    func unsatisfiedAtStart() async throws {
        let message =
            "docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create "
            + "failed: nvidia-container-cli: requirement error: unsatisfied condition: cuda>=12.6, please update your driver to a newer "
            + "version, or use an earlier cuda container: unknown."
        let run = try await StubDocker.run(Self.steps, environment: ["STUB_GPU": "gpus", "STUB_RUN_ERROR": message])
        let train = run.results.steps()["train"]
        #expect(train?["status"] as? String == "error")
        #expect(
            (train?["reason"] as? String)?.hasPrefix(
                "the image needs CUDA 12.6 or newer, but this machine's NVIDIA driver 550.54.15 supports CUDA up to 12.4") == true,
            "\(train ?? [:])")
    }

    @Test(
        "no kernel image, and NVML that cannot start: error with what they mean",
        arguments: [
            ("RuntimeError: CUDA error: no kernel image is available for execution on the device", "compute capability 8.0"),
            ("Failed to initialize NVML: Unknown Error", "lost access to the GPU"),
        ])
    func failuresWhileRunning(output: String, expected: String) async throws {
        let run = try await StubDocker.run(Self.steps, environment: ["STUB_GPU": "gpus", "STUB_RUN_ERROR": output])
        let gpus = run.results.steps()["gpus"]
        #expect(gpus?["status"] as? String == "error")
        #expect((gpus?["reason"] as? String)?.contains(expected) == true, "\(gpus ?? [:])")
    }

    @Test("a driver too old for compute_cap: the GPU is there, its details unknown")
    func oldDriver() async throws {
        let run = try await StubDocker.run(
            Self.steps, environment: ["STUB_GPU": "gpus", "STUB_GPU_QUERY": #"Field "compute_cap" is not a valid field to query."#])
        #expect(run.gpu["available"] as? Bool == true)
        #expect(run.gpu["count"] == nil)
        #expect(run.results.statuses()["train"] == "passed")
    }
}
