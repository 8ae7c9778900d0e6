import Workflow

/// Runs `docker:` and `nvidia-docker:` commands (SPEC 1.1): labels the containers a run creates,
/// and turns `nvidia-docker run` into `docker run --gpus all` when nvidia-docker is not installed.
public struct DockerCommandKind: CommandKind {
    public let key: CommandKey
    private let linter: DockerCommandLinter

    /// Creates the kind for `.docker` or `.nvidiaDocker`.
    public init(key: CommandKey) {
        self.key = key
        linter = DockerCommandLinter(key: key)
    }

    /// Both docker kinds, keyed for `RunConfiguration.kinds`.
    public static let all: [CommandKey: any CommandKind] = [
        .docker: DockerCommandKind(key: .docker), .nvidiaDocker: DockerCommandKind(key: .nvidiaDocker),
    ]

    public func lint(_ command: Command, context: LintContext) -> [Diagnostic] {
        linter.lint(command, context: context)
    }

    public func prepare(words: [String], script: String?, context: CommandContext) -> Result<PreparedCommand, CommandProblem> {
        let arguments = DockerArguments(words)
        let subcommand = arguments.subcommand
        let creates = subcommand == "run" || subcommand == "create"
        var labelled = words
        if creates, context.labelContainers, let index = arguments.subcommandIndex {
            labelled.insert(contentsOf: Self.labels(run: context.runId, learner: context.learner, step: context.step), at: index + 1)
        }
        guard key == .nvidiaDocker else {
            return .success(PreparedCommand(executable: "docker", arguments: labelled, display: ["docker"] + words, binary: "docker"))
        }
        if subcommand == "run", !context.capabilities.contains(.gpu) {
            return .failure(CommandProblem("no NVIDIA runtime on this engine"))
        }
        if ExecutableLocator.find("nvidia-docker", path: context.environment["PATH"]) != nil {
            return .success(PreparedCommand(executable: "nvidia-docker", arguments: labelled, display: ["nvidia-docker"] + words, binary: "nvidia-docker"))
        }
        if subcommand == "run", let index = arguments.subcommandIndex {
            var rewritten = labelled
            rewritten.insert(contentsOf: ["--gpus", "all"], at: index + 1)
            return .success(PreparedCommand(
                executable: "docker", arguments: rewritten, display: ["nvidia-docker"] + words, binary: "docker",
                note: "nvidia-docker is not on PATH: ran `docker run --gpus all` instead"))
        }
        return .success(PreparedCommand(
            executable: "docker", arguments: labelled, display: ["nvidia-docker"] + words, binary: "docker",
            note: "nvidia-docker is not on PATH: ran `docker \(subcommand ?? "")` instead"))
    }

    /// The labels inserted after `run`/`create` (SPEC 5).
    public static func labels(run: String, learner: String, step: String) -> [String] {
        ["--label", "io.runbook.run=\(run)", "--label", "io.runbook.learner=\(learner)", "--label", "io.runbook.step=\(step)"]
    }
}
