/// What the GPU ladder's probe prints: `nvidia-smi --query-gpu=name,uuid,compute_cap,memory.total,
/// mig.mode.current,driver_version --format=csv,noheader,nounits`, one line per GPU, e.g.
/// `NVIDIA A100-SXM4-80GB, GPU-4b1c…, 8.0, 81920, Disabled, 550.54.15` (NVIDIA's documented query
/// format: fields in the order asked, ", " between them, `[N/A]` where a GPU has no such thing).
struct NvidiaSMIQuery: Sendable, Hashable {
    /// The fields asked for, in order.
    static let fields = ["name", "uuid", "compute_cap", "memory.total", "mig.mode.current", "driver_version"]
    /// The probe's arguments after `nvidia-smi`.
    static let arguments = ["--query-gpu=" + fields.joined(separator: ","), "--format=csv,noheader,nounits"]

    /// Each GPU, in nvidia-smi's order.
    var devices: [GPUDevice]
    /// The driver's version, as the first GPU reports it.
    var driver: String?

    /// Reads the probe's output; lines that are not GPU records (fewer fields) are left out.
    init(_ output: String) {
        var devices: [GPUDevice] = []
        var driver: String?
        for line in output.split(whereSeparator: \.isNewline) {
            let parts = line.components(separatedBy: ", ").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count >= Self.fields.count else { continue }
            // A model name may hold ", ": the other fields are counted from the end.
            let tail = Array(parts.suffix(Self.fields.count - 1))
            let name = parts.dropLast(Self.fields.count - 1).joined(separator: ", ")
            let mig: Bool? =
                switch tail[3].lowercased() {
                case "enabled": true
                case "disabled": false
                default: nil
                }
            devices.append(
                GPUDevice(
                    name: name, uuid: Self.value(tail[0]), computeCapability: Self.value(tail[1]),
                    memoryMiB: Self.value(tail[2]).flatMap { Int($0) },
                    mig: mig))
            driver = driver ?? Self.value(tail[4])
        }
        self.devices = devices
        self.driver = driver
    }

    /// A field's value; nil for nvidia-smi's "not available" spellings.
    private static func value(_ field: String) -> String? {
        ["", "[N/A]", "N/A", "[Not Supported]", "[Unknown Error]"].contains(field) ? nil : field
    }
}
