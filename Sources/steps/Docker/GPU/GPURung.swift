/// One way of giving a container the GPU, tried in this order by `GPUProbe` (the ladder).
enum GPURung: String, Sendable, CaseIterable {
    /// `--gpus all`: the engine's NVIDIA device driver hook (nvidia-container-toolkit), Docker 19.03+.
    case gpus
    /// `--device nvidia.com/gpu=all`: a CDI device the engine discovered (Docker 28.3+ lists them in `docker info`).
    case cdi
    /// `--runtime=nvidia`: the nvidia runtime the engine lists in `docker info`.
    case runtime

    /// The flags that give a container the GPU this way.
    var flags: [String] {
        switch self {
        case .gpus: ["--gpus", "all"]
        case .cdi: ["--device", "nvidia.com/gpu=all"]
        case .runtime: ["--runtime=nvidia", "-e", "NVIDIA_VISIBLE_DEVICES=all"]
        }
    }
}
