/// The learner's GPU facts a fault explanation uses, carried from the preflight to the kinds as
/// `BackendPreflight.facts` (a driver, the CUDA it supports, the first GPU's compute capability).
struct GPUFacts: Sendable, Hashable {
    /// The fact holding the driver's version.
    static let driverFact = "docker.gpu.driver"
    /// The fact holding the highest CUDA version the driver supports.
    static let cudaMaxFact = "docker.gpu.cudaMax"
    /// The fact holding the first GPU's compute capability.
    static let computeCapabilityFact = "docker.gpu.computeCapability"

    /// The driver's version.
    var driver: String?
    /// The highest CUDA version it supports.
    var cudaMax: String?
    /// The first GPU's compute capability.
    var computeCapability: String?

    /// The facts of a probe's fingerprint.
    init(_ fingerprint: GPUFingerprint) {
        driver = fingerprint.driver
        cudaMax = fingerprint.cudaMax
        computeCapability = fingerprint.devices.first?.computeCapability
    }

    /// The facts a command's context carries.
    init(facts: [String: String]) {
        driver = facts[Self.driverFact]
        cudaMax = facts[Self.cudaMaxFact]
        computeCapability = facts[Self.computeCapabilityFact]
    }

    /// As preflight facts.
    var facts: [String: String] {
        var facts: [String: String] = [:]
        facts[Self.driverFact] = driver
        facts[Self.cudaMaxFact] = cudaMax
        facts[Self.computeCapabilityFact] = computeCapability
        return facts
    }
}
