/// Why a rung of the GPU ladder failed, read from what the engine said: each an environment
/// fault with its own reason, which a GPU step's `error` and a `when: gpu` skip report.
enum GPUFailure: String, Sendable, Codable, Hashable {
    /// `--gpus`: no device driver hook for GPUs ("could not select device driver").
    case noDriverHook
    /// `--device nvidia.com/gpu=…`: the CDI spec cannot be resolved ("unresolvable CDI devices").
    case cdiUnresolvable
    /// `--runtime=nvidia`: the engine has no such runtime ("unknown or invalid runtime name").
    case runtimeMissing
    /// The probe's image is not on the engine (it is pulled or built by the runbook later).
    case imageMissing
    /// The container started but nvidia-smi listed no GPU (or could not run).
    case noDevice
    /// The engine did not answer in time, or something else went wrong.
    case other

    /// Classifies the engine's message of a failed probe.
    init(message: String) {
        let text = message.lowercased()
        if text.contains("could not select device driver") {
            self = .noDriverHook
        } else if text.contains("unresolvable cdi devices") {
            self = .cdiUnresolvable
        } else if text.contains("unknown or invalid runtime name") {
            self = .runtimeMissing
        } else if text.contains("no such image") || text.contains("unable to find image") || text.contains("pull access denied") {
            self = .imageMissing
        } else if text.contains("nvidia-smi") || text.contains("no devices were found") || text.contains("nvml") {
            self = .noDevice
        } else {
            self = .other
        }
    }

    /// What a step is told; `detail` is the engine's own line.
    func reason(detail: String) -> String {
        switch self {
        case .noDriverHook: "no GPU driver hook on this engine: docker run --gpus could not select device driver"
        case .cdiUnresolvable: "the engine's CDI GPU devices cannot be used: unresolvable CDI devices nvidia.com/gpu=all"
        case .runtimeMissing: "no NVIDIA runtime on this engine: unknown or invalid runtime name nvidia"
        case .imageMissing: "the GPU probe's image is not on this engine yet"
        case .noDevice: "nvidia-smi found no GPU: \(detail)"
        case .other: "the GPU probe failed: \(detail)"
        }
    }

    /// Whether the ladder may go on to the next rung (false: every rung would fail alike).
    var triesNextRung: Bool { self != .imageMissing }
}
