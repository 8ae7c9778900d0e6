import Workflow

/// Which of a runbook's commands need a GPU (SPEC 1.1): every `nvidia-docker:` command, and every
/// `docker run`/`create` with `--gpus`, `--runtime=nvidia` or `--device nvidia.com/gpu=…`.
enum GPUCommands {
    /// Whether `command` (a `docker:` or `nvidia-docker:` command) needs a GPU.
    static func needsGPU(_ command: ResolvedCommand) -> Bool {
        if command.key == DockerCommandKind.nvidiaDocker.key { return true }
        guard command.key == DockerCommandKind.docker.key else { return false }
        return hasGPUFlags(command.words)
    }

    /// Whether a docker command line asks for a GPU with one of the flags of the ladder.
    static func hasGPUFlags(_ words: [String]) -> Bool {
        let arguments = DockerArguments(words)
        guard arguments.subcommand == "run" || arguments.subcommand == "create" else { return false }
        let flags = arguments.parse(booleanFlags: DockerArguments.runBooleanFlags, bundled: DockerArguments.bundledRunFlags).flags
        return flags.contains { flag in
            switch flag.name {
            case "--gpus": true
            case "--runtime": flag.value == "nvidia"
            case "--device": flag.value?.hasPrefix("nvidia.com/gpu") == true
            default: false
            }
        }
    }

    /// The image a `run`/`create` command line starts, if it names one.
    static func image(of words: [String]) -> String? {
        let arguments = DockerArguments(words)
        guard arguments.subcommand == "run" || arguments.subcommand == "create" else { return nil }
        return arguments.parse(booleanFlags: DockerArguments.runBooleanFlags, bundled: DockerArguments.bundledRunFlags).positionals.first?.0
    }
}
