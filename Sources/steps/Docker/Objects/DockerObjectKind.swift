import Workflow

/// `container: NAME`, `image: NAME`, `volume: NAME`, `network: NAME` (SPEC 6.4): `docker <object>
/// inspect NAME` on the learner's engine. stdout is the object's JSON (the object itself, not the
/// one-element array); `exists:` is judged by whether the engine knows the object.
public struct DockerObjectKind: CommandKind {
    /// `container`, `image`, `volume` or `network`: the key and docker's management command.
    public let key: String
    public let backend: String? = "docker"
    public let checks: Set<ExpectationCheck> = [.exists]

    /// The `container:` kind.
    public static let container = DockerObjectKind(key: "container")
    /// The `image:` kind.
    public static let image = DockerObjectKind(key: "image")
    /// The `volume:` kind.
    public static let volume = DockerObjectKind(key: "volume")
    /// The `network:` kind.
    public static let network = DockerObjectKind(key: "network")
    /// The four kinds.
    public static let allCases = [container, image, volume, network]

    private init(key: String) {
        self.key = key
    }

    public func decode(_ value: Node, at location: SourceLocation, reader: inout NodeReader) -> Command? {
        guard value.scalarValue != nil else {
            reader.error("`\(key):` takes the \(key)'s name, e.g. `\(key): \(example)`, found \(value.kindDescription)", at: value.location)
            return nil
        }
        guard let name = reader.template(value, key) else { return nil }
        return Command(key: key, words: [name], location: location)
    }

    public func prepare(_ command: ResolvedCommand, context: CommandContext) -> Result<PreparedCommand, CommandProblem> {
        let name = command.words.first ?? ""
        guard !name.isEmpty else { return .failure(CommandProblem("`\(key):` names no \(key): the name is empty")) }
        let inspection = DockerObjectInspection(object: key, name: name, environment: context.environment)
        return .success(PreparedCommand(action: inspection, record: inspection.argv, display: inspection.argv, binary: "docker"))
    }

    public func display(_ command: ResolvedCommand, context: CommandContext) -> [String] {
        ["docker", key, "inspect", command.words.first ?? ""]
    }

    /// `check` does not wait on a container that does not exist (SPEC 6.11).
    public func missingPrerequisite(_ command: ResolvedCommand, context: CommandContext) async -> String? {
        guard key == "container", let name = command.words.first else { return nil }
        return await ContainerPrerequisite.missing(name, environment: context.environment)
    }

    /// A name that reads well in messages.
    private var example: String {
        switch key {
        case "image": "${image}"
        case "volume": "${learner}-data"
        case "network": "${learner}-net"
        default: "${learner}-web"
        }
    }
}
