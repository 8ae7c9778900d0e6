/// One GPU as nvidia-smi describes it, in the fingerprint (SPEC 12.4).
public struct GPUDevice: Sendable, Codable, Hashable {
    /// The model, e.g. "NVIDIA A100-SXM4-80GB".
    public var name: String
    /// The GPU's UUID, e.g. "GPU-4b1c…".
    public var uuid: String?
    /// The CUDA compute capability, e.g. "8.0" (what kernels must be compiled for).
    public var computeCapability: String?
    /// The framebuffer memory in MiB.
    public var memoryMiB: Int?
    /// Whether MIG (multi-instance GPU) mode is on; nil where the GPU has no MIG.
    public var mig: Bool?

    /// Creates a device.
    public init(name: String, uuid: String? = nil, computeCapability: String? = nil, memoryMiB: Int? = nil, mig: Bool? = nil) {
        self.name = name
        self.uuid = uuid
        self.computeCapability = computeCapability
        self.memoryMiB = memoryMiB
        self.mig = mig
    }
}
