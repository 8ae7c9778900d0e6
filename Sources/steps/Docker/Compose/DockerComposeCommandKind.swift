import Workflow

/// `docker-compose: ARGS` (SPEC 12.3): Compose as a Docker-family command, like `docker: compose ARGS`
/// — the learner's engine, `COMPOSE_PROJECT_NAME=<learner>-<module>` unless the author names a
/// project, and sweeps that recognise the project's objects. Either spelling runs whichever Compose
/// the machine has: the one it names when installed, else the other (the result's note says so).
public struct DockerComposeCommandKind: CommandKind {
    public let key = "docker-compose"
    public let backend: String? = "docker"

    /// Creates the kind.
    public init() {}

    public func decode(_ value: Node, at location: SourceLocation, reader: inout NodeReader) -> Command? {
        guard let (words, split) = reader.commandWords(value, key: key) else { return nil }
        return Command(key: key, words: words, splitFromString: split, location: location)
    }

    public func display(_ command: ResolvedCommand, context: CommandContext) -> [String] {
        let settings = ComposeProject.settings(for: command.words[...], context: context)
        return settings.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + [key] + command.words
    }

    /// `check` does not wait on a service that has no container (SPEC 6.11).
    public func missingPrerequisite(_ command: ResolvedCommand, context: CommandContext) async -> String? {
        await ComposeServiceCheck.missing(compose: command.words[...], context: context)
    }

    public func prepare(_ command: ResolvedCommand, context: CommandContext) -> Result<PreparedCommand, CommandProblem> {
        .success(Self.prepare(global: [], compose: command.words, v2First: false, display: [key] + command.words, context: context))
    }

    /// A compose command line: `global` docker flags (before `compose`), then the compose words.
    /// `v2First`: `docker compose` when the plugin is installed, else `docker-compose`; otherwise the reverse.
    static func prepare(
        global: [String], compose: [String], v2First: Bool, display: [String], context: CommandContext,
        pluginFolders: [String] = ComposePlugin.systemFolders
    ) -> PreparedCommand {
        let settings = ComposeProject.settings(for: compose[...], context: context)
        let hasV2 = ComposePlugin.hasV2Plugin(environment: context.environment, systemFolders: pluginFolders)
        let hasV1 = ComposePlugin.hasStandalone(environment: context.environment)
        let useV2 = v2First ? (hasV2 || !hasV1) : (hasV2 && !hasV1)
        let shown = settings.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + display
        var prepared: PreparedCommand
        if useV2 {
            let note = v2First ? nil : "docker-compose is not on PATH: ran `docker compose` (the v2 plugin) instead"
            prepared = PreparedCommand(
                executable: "docker", arguments: global + ["compose"] + compose, display: shown, binary: "docker", note: note)
        } else {
            let note = v2First ? "docker compose (the v2 plugin) is not installed: ran `docker-compose` instead" : nil
            prepared = PreparedCommand(
                executable: "docker-compose", arguments: global + compose, display: shown, binary: "docker-compose", note: note)
        }
        prepared.environment = settings.environment
        prepared.createsResources = settings.creates
        prepared.groups = [settings.project]
        return prepared
    }
}
