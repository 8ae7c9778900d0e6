import Foundation
import Workflow

/// The GPU ladder, run once per learner by the Docker backend's preflight, and only when the
/// runbook has GPU steps: a throwaway `nvidia-smi --query-gpu=…` (`NvidiaSMIQuery`: each GPU's
/// model, UUID, compute capability, memory, MIG mode, and the driver) in the image of the first GPU step with
/// `--gpus all`, then `--device nvidia.com/gpu=all` where the engine lists CDI GPU devices, then
/// `--runtime=nvidia` where it lists that runtime. The first rung that lists a GPU wins; a rung
/// that fails is classified (`GPUFailure`) and its container swept (it is labelled with
/// `DockerLabels` under a run id of its own). Without GPU steps, or when the probe's image is not
/// on the engine yet (the runbook builds or pulls it later), what `docker info` lists decides.
struct GPUProbe: Sendable {
    /// The learner label of the probe's containers (the backend does not know the learner's id).
    static let learnerLabel = "gpu-probe"
    /// The step label of the probe's containers.
    static let stepLabel = "gpu-probe"

    /// What `docker info` lists that bears on GPUs.
    struct Listing: Sendable {
        /// The engine's runtimes.
        var runtimes: [String]
        /// Whether it discovered CDI devices of NVIDIA GPUs (`DiscoveredDevices`, Docker 28.3+).
        var cdiGPUs: Bool

        /// Reads `docker info`.
        init(info: EngineInfo) {
            runtimes = info.runtimes
            cdiGPUs = info.cdiGPUs
        }
    }

    /// What the ladder found: the fingerprint, and why GPU steps cannot run when a probe proved it.
    struct Outcome: Sendable {
        /// The fingerprint's GPU part.
        var fingerprint: GPUFingerprint
        /// The reason GPU steps get (error, or skipped under `when: gpu`); nil when unproven either way.
        var stepReason: String?
    }

    /// Runs docker for the probes.
    let cli: DockerCLI
    /// Removes what a failed probe left.
    let sweep: @Sendable (SweepScope, [String: String]) async -> Void

    /// Climbs the ladder for the learner whose engine `environment` names.
    func detect(commands: [ResolvedCommand], listing: Listing, environment: [String: String]) async -> Outcome {
        let gpuCommands = commands.filter(GPUCommands.needsGPU)
        guard let image = gpuCommands.lazy.compactMap({ GPUCommands.image(of: $0.words) }).first else {
            return Outcome(fingerprint: Self.judged(listing, evidence: []))
        }
        let probeRun = "gpu-probe-" + UUID().uuidString.prefix(8).lowercased()
        var evidence: [GPUEvidence] = []
        var reasons: [String] = []
        for rung in GPURung.allCases {
            if rung == .cdi && !listing.cdiGPUs { continue }
            if rung == .runtime && !listing.runtimes.contains("nvidia") { continue }
            let tail = rung.flags + [image, "nvidia-smi"] + NvidiaSMIQuery.arguments
            let labels = DockerLabels.flags(run: probeRun, learner: Self.learnerLabel, step: Self.stepLabel)
            let reply = await cli.run(["run", "--rm", "--pull", "never"] + labels + tail, environment: environment)
            let said = [reply.stdout, reply.stderr, reply.failure ?? ""].filter { !$0.isEmpty }.joined(separator: "\n")
            let shown = (["docker", "run", "--rm", "--pull", "never"] + tail).joined(separator: " ")
            evidence.append(GPUEvidence(command: shown, exitCode: reply.status, output: said))
            let query = NvidiaSMIQuery(reply.stdout)
            if reply.status == 0, !query.devices.isEmpty {
                return Outcome(fingerprint: Self.found(query, rung: rung, evidence: evidence))
            }
            // A driver older than 510 knows no compute_cap: nvidia-smi ran in the container, so the GPU is there.
            if said.contains("is not a valid field to query") {
                return Outcome(fingerprint: GPUFingerprint(available: true, method: rung.rawValue, flags: rung.flags, evidence: evidence))
            }
            await sweep(.attempt(runId: probeRun, learner: Self.learnerLabel, step: Self.stepLabel), environment)
            let failure = reply.status == 0 ? GPUFailure.noDevice : GPUFailure(message: reply.stderr + "\n" + (reply.failure ?? ""))
            guard failure.triesNextRung else { return Outcome(fingerprint: Self.judged(listing, evidence: evidence)) }
            let reason = failure.reason(detail: Self.meaningfulLine(said))
            if !reasons.contains(reason) { reasons.append(reason) }
        }
        let reason = reasons.joined(separator: "; ")
        return Outcome(fingerprint: GPUFingerprint(available: false, reason: reason, evidence: evidence), stepReason: reason)
    }

    /// Judged from `docker info` alone: a CDI GPU device or the nvidia runtime listed.
    static func judged(_ listing: Listing, evidence: [GPUEvidence]) -> GPUFingerprint {
        if listing.cdiGPUs { return GPUFingerprint(available: true, method: "docker info", flags: GPURung.cdi.flags, evidence: evidence) }
        if listing.runtimes.contains("nvidia") {
            return GPUFingerprint(available: true, method: "docker info", flags: GPURung.runtime.flags, evidence: evidence)
        }
        let reason = "docker info lists neither the nvidia runtime nor a CDI GPU device"
        return GPUFingerprint(available: false, reason: reason, evidence: evidence)
    }

    /// The fingerprint of a rung that listed GPUs: the devices, the driver and the CUDA it supports.
    static func found(_ query: NvidiaSMIQuery, rung: GPURung, evidence: [GPUEvidence]) -> GPUFingerprint {
        var models: [String] = []
        for device in query.devices where !models.contains(device.name) { models.append(device.name) }
        return GPUFingerprint(
            available: true, method: rung.rawValue, count: query.devices.count, driver: query.driver,
            cudaMax: query.driver.flatMap(NvidiaDriverCUDA.maximum(forDriver:)), devices: query.devices, models: models, flags: rung.flags,
            evidence: evidence)
    }

    /// The engine's own error line, without docker's usage advice.
    static func meaningfulLine(_ text: String) -> String {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("See '") }
        return lines.first { $0.lowercased().contains("error") } ?? lines.first ?? "no output"
    }
}
