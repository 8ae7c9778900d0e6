/// The GPU failures that labs hit (SPEC 12.4), recognised in a failed docker step's output and
/// turned into an environment `error` with a sentence a learner understands: the machine, not
/// their work, is at fault.
enum GPUFault {
    /// The explanation of the first known GPU failure in `output`, with the learner's GPU facts
    /// where they help (`driver`, `cudaMax`, the first device's compute capability); nil for none.
    static func explain(_ output: String, gpu: GPUFacts) -> String? {
        let text = output.lowercased()
        if let range = text.range(of: "unsatisfied condition: cuda>=") {
            let needed = String(text[range.upperBound...].prefix { $0.isNumber || $0 == "." })
            let supports = gpu.cudaMax.map { "supports CUDA up to \($0)" } ?? "supports an older CUDA"
            let driver = gpu.driver.map { "NVIDIA driver \($0)" } ?? "NVIDIA driver"
            return "the image needs CUDA \(needed) or newer, but this machine's \(driver) \(supports): "
                + "the GPU container cannot start. Update the driver, or use an image built for the CUDA the driver supports."
        }
        if text.contains("no kernel image is available") {
            let capability = gpu.computeCapability.map { " (compute capability \($0))" } ?? ""
            return "the program has no GPU code for this machine's GPU\(capability): it was compiled for other GPU generations. "
                + "Use a build of the framework or image that supports this GPU (CUDA error: no kernel image is available)."
        }
        if text.contains("failed to initialize nvml") {
            if text.contains("driver/library version mismatch") {
                return "the NVIDIA driver on this machine was updated but the old one is still loaded (Failed to initialize NVML: "
                    + "Driver/library version mismatch): the machine needs a reboot before GPU containers work again."
            }
            return "the container lost access to the GPU (Failed to initialize NVML): a known fault of GPU containers after the host "
                + "reloaded its cgroups (systemctl daemon-reload). Start the container again; the instructor can fix the engine for good."
        }
        return nil
    }
}
