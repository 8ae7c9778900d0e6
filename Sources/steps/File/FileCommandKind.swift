import Foundation
import Workflow

/// `file: PATH` or `file: { path: P, container: C }` (SPEC 6.6): stdout is the file's content, and
/// `exists`, `size` (bytes) and `mode` (permission bits) are judged. On the runner's machine the
/// file is read directly (a relative path counts from the step's `cwd`); inside a container it is
/// read through the engine, which then is the only part that needs Docker.
public struct FileCommandKind: CommandKind {
    public let key = "file"
    public let checks: Set<ExpectationCheck> = [.exists, .size, .mode]
    /// The keys of the map form.
    static let keys = ["path", "container"]

    /// Creates the kind.
    public init() {}

    public func decode(_ value: Node, at location: SourceLocation, reader: inout NodeReader) -> Command? {
        switch value.content {
        case .scalar:
            guard let path = reader.template(value, "file") else { return nil }
            return Command(key: key, words: [path], location: location)
        case .sequence:
            reader.error("`file:` takes a path, or a map { path: P, container: C }, found a list", at: value.location)
            return nil
        case .mapping:
            return decodeMap(value, at: location, reader: &reader)
        }
    }

    public func prepare(_ command: ResolvedCommand, context: CommandContext) -> Result<PreparedCommand, CommandProblem> {
        let path = Self.path(of: command)
        guard !path.isEmpty else { return .failure(CommandProblem("`file:` names no file: the path is empty")) }
        if let container = command.option("container") {
            guard !container.isEmpty else { return .failure(CommandProblem("`file:` names no container: the name is empty")) }
            guard path.hasPrefix("/") else {
                return .failure(CommandProblem("`file:` inside a container needs an absolute path, got '\(path)'"))
            }
            let reader = ContainerFileReader(path: path, container: container, environment: context.environment)
            let shown = display(command, context: context)
            return .success(PreparedCommand(action: reader, record: reader.argv, display: shown, binary: "docker"))
        }
        let base = context.workingDirectory ?? FileManager.default.currentDirectoryPath
        let absolute = path.hasPrefix("/") ? path : URL(fileURLWithPath: base).appendingPathComponent(path).standardizedFileURL.path
        let shown = display(command, context: context)
        return .success(
            PreparedCommand(action: LocalFileReader(path: absolute), record: ["cat", absolute], display: shown, binary: "file"))
    }

    /// `check` does not wait for a file in a container that does not exist (SPEC 6.11).
    public func missingPrerequisite(_ command: ResolvedCommand, context: CommandContext) async -> String? {
        guard let container = command.option("container") else { return nil }
        return await ContainerPrerequisite.missing(container, environment: context.environment)
    }

    public func display(_ command: ResolvedCommand, context: CommandContext) -> [String] {
        let path = Self.path(of: command)
        if let container = command.option("container") { return ["docker", "exec", container, "cat", path] }
        return ["cat", path]
    }

    /// The path: the scalar form's word, or the map form's `path`.
    static func path(of command: ResolvedCommand) -> String {
        command.option("path") ?? command.words.first ?? ""
    }

    /// `{ path: P, container: C }`: both substituted; `path` is required; with `container` the
    /// command needs the Docker backend (the learner's engine).
    private func decodeMap(_ value: Node, at location: SourceLocation, reader: inout NodeReader) -> Command? {
        guard let pairs = reader.mapping(value, "file", keys: Self.keys) else { return nil }
        var path: Template?
        var container: Template?
        var usable = true
        for pair in pairs {
            switch pair.key.scalarValue {
            case "path":
                path = reader.template(pair.value, "file path")
                usable = usable && path != nil
            case "container":
                container = reader.template(pair.value, "file container")
                usable = usable && container != nil
            default:
                break
            }
        }
        guard value["path"] != nil else {
            reader.error("`file:` needs `path`, e.g. `file: { path: /etc/nginx/nginx.conf, container: web }`", at: value.location)
            return nil
        }
        guard usable, let path else { return nil }
        if container != nil, case .literal(let start)? = path.parts.first, !start.hasPrefix("/") {
            reader.error(
                "a path inside a container must be absolute (the engine reads it from the container's root), got '\(path.raw)'",
                at: path.location)
            return nil
        }
        // Both as options, so that listings show the container too (`path=/srv/index.html container=web`).
        let options = [CommandOption(name: "path", value: path)] + (container.map { [CommandOption(name: "container", value: $0)] } ?? [])
        var command = Command(key: key, options: options, location: location)
        if container != nil { command.backend = "docker" }
        return command
    }
}
