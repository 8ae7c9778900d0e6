/// The GPU part of a learner's engine fingerprint (SPEC 12.4): whether a container can use the GPU,
/// how (`gpus`, `cdi`, `runtime`, or `docker info` when no container could prove it), how many
/// devices nvidia-smi listed with the driver, the highest CUDA it supports and each device's facts,
/// why not, and the evidence.
public struct GPUFingerprint: Sendable, Codable, Hashable {
    /// Whether a GPU step can run.
    public var available: Bool
    /// How: `gpus` (`--gpus all`), `cdi` (`--device nvidia.com/gpu=all`), `runtime` (`--runtime=nvidia`),
    /// or `docker info` (judged from the runtimes and CDI devices listed); nil when unavailable.
    public var method: String?
    /// How many GPUs nvidia-smi listed; nil when no container ran.
    public var count: Int?
    /// The NVIDIA driver's version, e.g. "550.54.15".
    public var driver: String?
    /// The highest CUDA version the driver supports, e.g. "12.4" (what nvidia-smi prints as "CUDA Version").
    public var cudaMax: String?
    /// Each GPU nvidia-smi listed, in its order.
    public var devices: [GPUDevice]
    /// The distinct models nvidia-smi listed, e.g. ["NVIDIA A100-SXM4-40GB"].
    public var models: [String]
    /// Why it is not available (what the ladder's failures say), when it is not.
    public var reason: String?
    /// The flags that gave a container the GPU, for `nvidia-docker run` without nvidia-docker.
    public var flags: [String]
    /// Each probe that ran, in order.
    public var evidence: [GPUEvidence]

    /// Creates a fingerprint (by default: no GPU, nothing probed).
    public init(
        available: Bool = false, method: String? = nil, count: Int? = nil, driver: String? = nil, cudaMax: String? = nil,
        devices: [GPUDevice] = [], models: [String] = [], reason: String? = nil, flags: [String] = [], evidence: [GPUEvidence] = []
    ) {
        self.available = available
        self.method = method
        self.count = count
        self.driver = driver
        self.cudaMax = cudaMax
        self.devices = devices
        self.models = models
        self.reason = reason
        self.flags = flags
        self.evidence = evidence
    }

    /// For reports: "GPU: 2× NVIDIA A100-SXM4-40GB, driver 550.54.15, CUDA ≤ 12.4 (--gpus all)"; nil without a GPU.
    public var summary: String? {
        guard available else { return nil }
        var text = "GPU"
        if let count, count > 0 { text += ": \(count)×" + (models.isEmpty ? "" : " " + models.joined(separator: ", ")) }
        if let driver { text += ", driver \(driver)" }
        if let cudaMax { text += ", CUDA ≤ \(cudaMax)" }
        if !flags.isEmpty { text += " (\(flags.joined(separator: " ")))" }
        return text
    }
}
