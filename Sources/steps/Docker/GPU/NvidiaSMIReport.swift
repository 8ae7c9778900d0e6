import Foundation

/// The facts runbook needs from `nvidia-smi -q -x` (NVIDIA's `nvidia_smi_log` XML, DTD versions
/// 8 to 12): the driver, the CUDA version it supports, and each GPU's model, UUID, memory and MIG
/// mode. `scripts/gpu-facts.sh` captures it; tests check the driver table (`NvidiaDriverCUDA`)
/// and the query probe (`NvidiaSMIQuery`) against it.
///
/// Why a scanner of our own: the document is machine-written with one element per tag name in
/// the places read here, and FoundationXML would link libxml2 into the runner for six values.
struct NvidiaSMIReport: Sendable, Hashable {
    /// `<driver_version>`.
    var driver: String?
    /// `<cuda_version>` (absent before driver 410).
    var cudaVersion: String?
    /// Each `<gpu>`: name, UUID, memory, MIG (the XML has no compute capability).
    var devices: [GPUDevice]

    /// Reads the document; nil when it is not an `nvidia_smi_log`.
    init?(_ xml: String) {
        guard xml.contains("<nvidia_smi_log>") else { return nil }
        let gpuStart = xml.range(of: "<gpu ")?.lowerBound ?? xml.range(of: "<gpu>")?.lowerBound ?? xml.endIndex
        let header = String(xml[..<gpuStart])
        driver = Self.element("driver_version", in: header)
        cudaVersion = Self.element("cuda_version", in: header)
        devices = Self.blocks("gpu", in: xml).map { whole in
            // A MIG instance has a memory of its own: only the GPU's own elements count.
            let block = Self.removing("mig_devices", from: whole)
            let memory = Self.element("total", in: Self.blocks("fb_memory_usage", in: block).first ?? "")
            let mig = Self.element("current_mig", in: block)
            return GPUDevice(
                name: Self.element("product_name", in: block) ?? "unknown GPU", uuid: Self.element("uuid", in: block),
                memoryMiB: memory.flatMap { Int($0.split(separator: " ").first ?? "") },
                mig: mig == "Enabled" ? true : mig == "Disabled" ? false : nil)
        }
    }

    /// The text of the first `<name>…</name>` in `text`, trimmed; nil when absent or "N/A".
    static func element(_ name: String, in text: String) -> String? {
        guard let open = text.range(of: "<\(name)>"), let close = text.range(of: "</\(name)>", range: open.upperBound..<text.endIndex)
        else {
            return nil
        }
        let value = text[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty || value == "N/A" ? nil : value
    }

    /// `text` without its `<name>…</name>` blocks.
    static func removing(_ name: String, from text: String) -> String {
        var result = text
        while let open = result.range(of: "<\(name)>"), let close = result.range(of: "</\(name)>", range: open.upperBound..<result.endIndex)
        {
            result.removeSubrange(open.lowerBound..<close.upperBound)
        }
        return result
    }

    /// The contents of every top-level `<name …>…</name>` block in `text`, in order.
    static func blocks(_ name: String, in text: String) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while true {
            let plain = rest.range(of: "<\(name)>")
            let attributed = rest.range(of: "<\(name) ")
            guard let open = [plain, attributed].compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }) else { break }
            // `<gpu id="…">`: the content starts after the tag's `>`.
            let start = open == attributed ? rest.range(of: ">", range: open.upperBound..<rest.endIndex)?.upperBound : open.upperBound
            guard let start, let close = rest.range(of: "</\(name)>", range: start..<rest.endIndex) else { break }
            found.append(String(rest[start..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return found
    }
}
