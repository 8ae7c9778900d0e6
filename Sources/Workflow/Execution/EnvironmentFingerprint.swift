/// A learner's Docker environment, recorded in results.json so that failures can be compared across machines.
public struct EnvironmentFingerprint: Sendable, Codable, Hashable {
    /// `docker` client version.
    public var clientVersion: String?
    /// Engine (server) version.
    public var serverVersion: String?
    /// Engine operating system, e.g. "Debian GNU/Linux 12 (bookworm)".
    public var operatingSystem: String?
    /// Engine OS type, e.g. "linux".
    public var osType: String?
    /// Engine architecture, e.g. "x86_64".
    public var architecture: String?
    /// Storage driver, e.g. "overlay2".
    public var storageDriver: String?
    /// Container runtimes the engine offers, e.g. ["io.containerd.runc.v2", "nvidia", "runc"].
    public var runtimes: [String]
    /// Whether a GPU can be used (the nvidia runtime, or nvidia-docker with a local engine).
    public var gpu: Bool
    /// Where nvidia-docker was found on the runner's PATH, if anywhere.
    public var nvidiaDocker: String?

    /// Creates a fingerprint.
    public init(clientVersion: String? = nil, serverVersion: String? = nil, operatingSystem: String? = nil, osType: String? = nil, architecture: String? = nil, storageDriver: String? = nil, runtimes: [String] = [], gpu: Bool = false, nvidiaDocker: String? = nil) {
        self.clientVersion = clientVersion
        self.serverVersion = serverVersion
        self.operatingSystem = operatingSystem
        self.osType = osType
        self.architecture = architecture
        self.storageDriver = storageDriver
        self.runtimes = runtimes
        self.gpu = gpu
        self.nvidiaDocker = nvidiaDocker
    }
}
