import Foundation
import Testing

@testable import Steps

/// GPU facts (SPEC 12.4) from fixtures in NVIDIA's documented formats (not captured on real
/// hardware; see Fixtures/gpu/README.md): the probe's query, the `-q -x` report, the driver's
/// CUDA, an image's requirement, and the three failures labs hit.
@Suite("GPU facts")
struct GPUFactsTests {
    static let fixtures: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("gpu")
    static let names = ["a100-mig-550", "l4-555", "t4-470"]

    static func text(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    @Test("the query and the XML report of the same machine agree; the driver table gives the CUDA the report says", arguments: names)
    func fixturesAgree(name: String) throws {
        let query = NvidiaSMIQuery(try Self.text(name + ".csv"))
        let report = try #require(NvidiaSMIReport(try Self.text(name + ".xml")))
        #expect(query.driver == report.driver)
        #expect(query.devices.map(\.name) == report.devices.map(\.name))
        #expect(query.devices.map(\.uuid) == report.devices.map(\.uuid))
        #expect(query.devices.map(\.memoryMiB) == report.devices.map(\.memoryMiB))
        #expect(query.devices.map(\.mig) == report.devices.map(\.mig))
        #expect(NvidiaDriverCUDA.maximum(forDriver: try #require(report.driver)) == report.cudaVersion)
    }

    @Test("a query line: name, UUID, compute capability, MiB, MIG; [N/A] is nothing; a name with a comma")
    func queryLine() {
        let query = NvidiaSMIQuery("NVIDIA GeForce RTX 4070, Laptop GPU, GPU-1b72, 8.9, 8188, [N/A], 566.36\nnot a record\n")
        #expect(
            query.devices == [
                GPUDevice(name: "NVIDIA GeForce RTX 4070, Laptop GPU", uuid: "GPU-1b72", computeCapability: "8.9", memoryMiB: 8188)
            ])
        #expect(query.driver == "566.36")
        #expect(NvidiaSMIQuery("Field \"compute_cap\" is not a valid field to query.").devices.isEmpty)
    }

    @Test("the driver's CUDA by branch; between branches the older one's; newer than the table: unknown")
    func driverTable() {
        #expect(NvidiaDriverCUDA.maximum(forDriver: "535.129.03") == "12.2")
        #expect(NvidiaDriverCUDA.maximum(forDriver: "565.57.01") == "12.7")
        #expect(NvidiaDriverCUDA.maximum(forDriver: "570.86.15") == "12.8")
        #expect(NvidiaDriverCUDA.maximum(forDriver: "418.87.00") == "10.1")
        #expect(NvidiaDriverCUDA.maximum(forDriver: "999.1") == nil)
        #expect(NvidiaDriverCUDA.maximum(forDriver: "junk") == nil)
    }

    @Test("NVIDIA_REQUIRE_CUDA: an alternative that holds is enough; brand is taken to hold; versions compare as numbers")
    func requirement() throws {
        let modern = try #require(CUDARequirement("cuda>=12.4 brand=tesla,driver>=470,driver<471 brand=unknown,driver>=535,driver<536"))
        #expect(modern.cuda == "12.4")
        #expect(modern.isMet(cudaMax: "12.4", driver: "550.54.15"))
        #expect(!modern.isMet(cudaMax: "12.2", driver: "530.30.02"))
        #expect(modern.isMet(cudaMax: "11.4", driver: "470.57.02"), "the forward-compatible datacenter branch")
        #expect(modern.isMet(cudaMax: nil, driver: nil), "nothing known: nothing refused")
        #expect(try #require(CUDARequirement("cuda>=11.10")).isMet(cudaMax: "11.8", driver: nil) == false)
        #expect(CUDARequirement("  ") == nil)
    }

    @Test("an image the driver cannot run is refused with both versions; NVIDIA_DISABLE_REQUIRE lets it through")
    func imageRefusal() {
        let gpu = GPUFingerprint(available: true, driver: "535.129.03", cudaMax: "12.2")
        let reason = GPUImageCheck.reason(
            image: "pytorch:2.4-cuda12.4", variables: ["PATH=/bin", "NVIDIA_REQUIRE_CUDA=cuda>=12.4"], gpu: gpu)
        #expect(
            reason == "image pytorch:2.4-cuda12.4 needs CUDA 12.4 or newer (NVIDIA_REQUIRE_CUDA=cuda>=12.4), but this machine's "
                + "NVIDIA driver 535.129.03 supports CUDA up to 12.2: update the driver, or use an image built for CUDA 12.2 or older")
        #expect(
            GPUImageCheck.reason(image: "x", variables: ["NVIDIA_REQUIRE_CUDA=cuda>=12.4", "NVIDIA_DISABLE_REQUIRE=true"], gpu: gpu) == nil)
        #expect(GPUImageCheck.reason(image: "x", variables: ["NVIDIA_REQUIRE_CUDA=cuda>=12.0"], gpu: gpu) == nil)
        #expect(GPUImageCheck.reason(image: "x", variables: ["PATH=/bin"], gpu: gpu) == nil)
    }

    @Test("the three GPU failures become sentences; other output is not a GPU fault")
    func faults() throws {
        let gpu = GPUFacts(
            GPUFingerprint(
                available: true, driver: "470.57.02", cudaMax: "11.4", devices: [GPUDevice(name: "Tesla T4", computeCapability: "7.5")]))
        let cuda = try #require(
            GPUFault.explain(
                "docker: Error response from daemon: failed to create task for container: … nvidia-container-cli: requirement error: "
                    + "unsatisfied condition: cuda>=12.4, please update your driver to a newer version, "
                    + "or use an earlier cuda container: unknown.",
                gpu: gpu))
        #expect(cuda.hasPrefix("the image needs CUDA 12.4 or newer, but this machine's NVIDIA driver 470.57.02 supports CUDA up to 11.4"))
        let kernel = try #require(
            GPUFault.explain("RuntimeError: CUDA error: no kernel image is available for execution on the device", gpu: gpu))
        #expect(kernel.contains("compute capability 7.5"))
        let nvml = try #require(GPUFault.explain("Failed to initialize NVML: Unknown Error", gpu: gpu))
        #expect(nvml.contains("lost access to the GPU"))
        let mismatch = try #require(GPUFault.explain("Failed to initialize NVML: Driver/library version mismatch", gpu: gpu))
        #expect(mismatch.contains("reboot"))
        #expect(GPUFault.explain("Traceback: ValueError: bad shape", gpu: gpu) == nil)
    }
}
