import Workflow

/// Runs `docker:` and `nvidia-docker:` commands (SPEC 1.1): labels the containers a run creates,
/// and turns `nvidia-docker run` into `docker run` with the flag that gave a container the GPU on
/// the learner's engine (`--gpus all` unless the preflight's GPU ladder found another) when
/// nvidia-docker is not installed. A GPU step on an engine whose GPU probe failed is an `error`
/// with the probe's reason.
public struct DockerCommandKind: CommandKind {
    /// `docker` or `nvidia-docker`.
    public let key: String
    public let backend: String? = "docker"
    private let linter: DockerCommandLinter

    /// The `docker:` kind.
    public static let docker = DockerCommandKind(key: "docker")
    /// The `nvidia-docker:` kind.
    public static let nvidiaDocker = DockerCommandKind(key: "nvidia-docker")

    private init(key: String) {
        self.key = key
        linter = DockerCommandLinter(key: key)
    }

    /// Whether this is the `nvidia-docker:` kind.
    var isNvidia: Bool { key == "nvidia-docker" }

    public func decode(_ value: Node, at location: SourceLocation, reader: inout NodeReader) -> Command? {
        guard let (words, split) = reader.commandWords(value, key: key) else { return nil }
        return Command(key: key, words: words, splitFromString: split, location: location)
    }

    public func lint(_ command: Command, context: LintContext) -> [Diagnostic] {
        linter.lint(command, context: context)
    }

    public func display(_ command: ResolvedCommand, context: CommandContext) -> [String] {
        let arguments = DockerArguments(command.words)
        guard arguments.subcommand == "compose", let index = arguments.subcommandIndex else { return [key] + command.words }
        // The learner types the project name the runner gives, so that their objects are theirs (SPEC 12.3).
        let settings = ComposeProject.settings(for: command.words[(index + 1)...], context: context)
        return settings.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + [key] + command.words
    }

    public func prepare(_ command: ResolvedCommand, context: CommandContext) -> Result<PreparedCommand, CommandProblem> {
        let words = command.words
        let arguments = DockerArguments(words)
        let subcommand = arguments.subcommand
        if subcommand == "compose", let index = arguments.subcommandIndex {
            let prepared = DockerComposeCommandKind.prepare(
                global: Array(words[..<index]), compose: Array(words[(index + 1)...]), v2First: true, display: [key] + words,
                context: context)
            return .success(prepared)
        }
        let creates = subcommand == "run" || subcommand == "create"
        var labelled = words
        let marks = creates && context.marksCreations && arguments.subcommandIndex != nil
        if marks, let index = arguments.subcommandIndex {
            let labels = DockerLabels.flags(run: context.runId, learner: context.learner, step: context.step, module: context.module)
            labelled.insert(contentsOf: labels, at: index + 1)
        }
        let removes = marks && subcommand == "run" && Self.removesItself(arguments)
        if isNvidia || GPUCommands.hasGPUFlags(words), let image = GPUCommands.image(of: words),
            let refusal = context.facts[GPUImageCheck.factKey(image: image)]
        {
            return .failure(CommandProblem(refusal))
        }
        let gpu = GPUFacts(facts: context.facts)
        return prepareNvidia(words: words, labelled: labelled, arguments: arguments, context: context).map { prepared in
            var prepared = prepared
            prepared.createsResources = marks
            prepared.removesItsResources = removes
            prepared.environmentFault = { output in GPUFault.explain(output, gpu: gpu) }
            return prepared
        }
    }

    /// `check` does not wait on a container that does not exist (`docker exec`/`logs`/… NAME; SPEC 6.11).
    public func missingPrerequisite(_ command: ResolvedCommand, context: CommandContext) async -> String? {
        let arguments = DockerArguments(command.words)
        if arguments.subcommand == "compose", let index = arguments.subcommandIndex {
            return await ComposeServiceCheck.missing(compose: command.words[(index + 1)...], context: context)
        }
        guard let name = ContainerPrerequisite.named(in: command.words) else { return nil }
        return await ContainerPrerequisite.missing(name, environment: context.environment)
    }

    /// `run --rm` in the foreground: the engine removes the container when it ends, so a run that
    /// ends normally leaves nothing to sweep.
    static func removesItself(_ arguments: DockerArguments) -> Bool {
        let flags = arguments.parse(booleanFlags: DockerArguments.runBooleanFlags, bundled: DockerArguments.bundledRunFlags).flags
        func isSet(_ names: Set<String>) -> Bool {
            flags.contains { names.contains($0.name) && ($0.value == nil || $0.value == "true") }
        }
        return isSet(["--rm"]) && !isSet(["-d", "--detach"])
    }

    /// `docker` as is; `nvidia-docker` through nvidia-docker, or `docker run` with the GPU flag that works.
    private func prepareNvidia(
        words: [String], labelled: [String], arguments: DockerArguments, context: CommandContext
    ) -> Result<PreparedCommand, CommandProblem> {
        let subcommand = arguments.subcommand
        let gpuAbsent = !context.capabilities.contains(DockerBackend.gpu)
        guard isNvidia else {
            if gpuAbsent, let reason = context.facts[DockerBackend.gpu.absentReasonFact], GPUCommands.hasGPUFlags(words) {
                return .failure(CommandProblem(reason))
            }
            return .success(PreparedCommand(executable: "docker", arguments: labelled, display: ["docker"] + words, binary: "docker"))
        }
        if subcommand == "run", gpuAbsent {
            return .failure(CommandProblem(context.facts[DockerBackend.gpu.absentReasonFact] ?? "no NVIDIA runtime on this engine"))
        }
        if ExecutableResolver.find("nvidia-docker", path: context.environment["PATH"]) != nil {
            return .success(
                PreparedCommand(
                    executable: "nvidia-docker", arguments: labelled, display: ["nvidia-docker"] + words, binary: "nvidia-docker"))
        }
        if subcommand == "run", let index = arguments.subcommandIndex {
            let flags = context.facts[DockerBackend.gpuFlagsFact].map { $0.split(separator: " ").map(String.init) } ?? ["--gpus", "all"]
            var rewritten = labelled
            rewritten.insert(contentsOf: flags, at: index + 1)
            return .success(
                PreparedCommand(
                    executable: "docker", arguments: rewritten, display: ["nvidia-docker"] + words, binary: "docker",
                    note: "nvidia-docker is not on PATH: ran `docker run \(flags.joined(separator: " "))` instead"))
        }
        return .success(
            PreparedCommand(
                executable: "docker", arguments: labelled, display: ["nvidia-docker"] + words, binary: "docker",
                note: "nvidia-docker is not on PATH: ran `docker \(subcommand ?? "")` instead"))
    }
}
