import Text
import Workflow

/// Before a GPU step runs (SPEC 12.4): the `NVIDIA_REQUIRE_CUDA` of each GPU step's image that is
/// already on the engine, judged against the driver the GPU probe found. An image the driver
/// cannot run is refused with a reason the step gets as its `error`, instead of a container that
/// fails to start with `unsatisfied condition: cuda>=…`. Images pulled or built later by the
/// runbook are judged by the runtime itself, whose message `GPUFault` explains.
enum GPUImageCheck {
    /// The fact naming why `image` cannot run on the learner's GPU.
    static func factKey(image: String) -> String { "docker.gpu.refused." + image }

    /// Image → reason, for the images of `commands` whose requirement `gpu` cannot meet.
    static func refusals(commands: [ResolvedCommand], gpu: GPUFingerprint, cli: DockerCLI, environment: [String: String]) async -> [String:
        String]
    {
        guard gpu.available, gpu.cudaMax != nil || gpu.driver != nil else { return [:] }
        var images: [String] = []
        for image in commands.filter(GPUCommands.needsGPU).compactMap({ GPUCommands.image(of: $0.words) }) where !images.contains(image) {
            images.append(image)
        }
        var refused: [String: String] = [:]
        for image in images {
            guard let variables = await environmentVariables(of: image, cli: cli, environment: environment) else { continue }
            if let reason = reason(image: image, variables: variables, gpu: gpu) { refused[image] = reason }
        }
        return refused
    }

    /// Why `image`, whose environment is `variables` (`NAME=value`), cannot run with `gpu`; nil when it can or says nothing.
    static func reason(image: String, variables: [String], gpu: GPUFingerprint) -> String? {
        var values: [String: String] = [:]
        for variable in variables {
            let parts = variable.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
        }
        if let disabled = values["NVIDIA_DISABLE_REQUIRE"], ["1", "true", "yes"].contains(disabled.lowercased()) { return nil }
        guard let text = values["NVIDIA_REQUIRE_CUDA"], let requirement = CUDARequirement(text),
            !requirement.isMet(cudaMax: gpu.cudaMax, driver: gpu.driver)
        else { return nil }
        let needed = requirement.cuda.map { "CUDA \($0) or newer" } ?? "a newer NVIDIA driver"
        let driver = gpu.driver.map { "NVIDIA driver \($0)" } ?? "NVIDIA driver"
        let supports = gpu.cudaMax.map { "supports CUDA up to \($0)" } ?? "does not meet it"
        let older = gpu.cudaMax.map { "an image built for CUDA \($0) or older" } ?? "an image built for an older CUDA"
        return "image \(image) needs \(needed) (NVIDIA_REQUIRE_CUDA=\(text)), but this machine's \(driver) \(supports): "
            + "update the driver, or use \(older)"
    }

    /// The image's `Config.Env`, nil when it is not on the engine (or cannot be read).
    private static func environmentVariables(of image: String, cli: DockerCLI, environment: [String: String]) async -> [String]? {
        let document: JSONValue
        if let endpoint = EngineEndpoint.api(environment) {
            guard let raw = try? await EngineClient.shared.inspect("image", image, at: endpoint), let parsed = try? JSONParser.parse(raw)
            else { return nil }
            document = parsed
        } else {
            let reply = await cli.run(["image", "inspect", "--format", "{{json .}}", image], environment: environment)
            guard reply.status == 0, let parsed = try? JSONParser.parse(Array(reply.stdout.utf8)) else { return nil }
            document = parsed
        }
        guard case .found(.array(let items))? = EngineClient.lookup(".Config.Env", in: document) else { return [] }
        return items.compactMap { if case .string(let text) = $0 { text } else { nil } }
    }
}
