import Foundation
import Text
import Workflow

/// A learner's Docker environment, recorded in results.json so that failures can be compared across machines.
public struct DockerFingerprint: Sendable, Codable, Hashable {
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
    /// Whether and how a container can use the GPU, with the evidence (`GPUProbe`).
    public var gpu: GPUFingerprint
    /// Where nvidia-docker was found on the runner's PATH, if anywhere.
    public var nvidiaDocker: String?

    /// Creates a fingerprint.
    public init(
        clientVersion: String? = nil, serverVersion: String? = nil, operatingSystem: String? = nil, osType: String? = nil,
        architecture: String? = nil, storageDriver: String? = nil, runtimes: [String] = [], gpu: GPUFingerprint = GPUFingerprint(),
        nvidiaDocker: String? = nil
    ) {
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

    /// The fingerprint as the JSON the results keep.
    public var json: JSONValue? {
        guard let data = try? JSONEncoder().encode(self) else { return nil }
        return try? JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// One line for reports: "Docker 28.2.2 · Debian GNU/Linux 12 (bookworm) · x86_64, overlay2 · GPU: 1× NVIDIA L4 (--gpus all)".
    public var summary: String {
        var parts: [String] = []
        if let serverVersion { parts.append("Docker \(serverVersion)") }
        if let operatingSystem { parts.append(operatingSystem) }
        let details = [architecture, storageDriver].compactMap { $0 }
        if !details.isEmpty { parts.append(details.joined(separator: ", ")) }
        if let gpu = gpu.summary { parts.append(gpu) }
        return parts.joined(separator: " · ")
    }
}
