import Workflow

/// Whether the service a compose command acts on (`logs db`, `exec db …`, `port web 8000`) has a
/// container in the learner's project: `check` does not wait with `retry: { for }` on a service
/// that was never started (SPEC 6.11, 12.3).
enum ComposeServiceCheck {
    /// The compose subcommands that act on a service's container.
    static let subcommands: Set<String> = ["logs", "exec", "port", "top", "attach", "cp", "pause", "unpause", "kill"]
    /// Flags of those subcommands that take a value.
    static let valueFlags: Set<String> = [
        "-e", "--env", "-u", "--user", "-w", "--workdir", "--index", "--since", "--until", "-n", "--tail", "--protocol",
    ]

    /// "no container of service S in Compose project P" when the engine lists none; nil otherwise.
    static func missing(compose words: ArraySlice<String>, context: CommandContext) async -> String? {
        let (subcommand, _) = ComposeProject.read(words)
        guard let subcommand, subcommands.contains(subcommand), let start = words.firstIndex(of: subcommand) else { return nil }
        let project = ComposeProject.settings(for: words, context: context).project
        var filters = ["label=\(ComposeProject.label)=\(project)"]
        var index = words.index(after: start)
        while index < words.endIndex, words[index].hasPrefix("-") {
            index += valueFlags.contains(words[index]) ? 2 : 1
        }
        let service = index < words.endIndex ? words[index] : nil
        if let service { filters.append("label=com.docker.compose.service=\(service)") }
        let arguments = ["ps", "-aq"] + filters.flatMap { ["--filter", $0] }
        let reply = await DockerCLI(timeout: .seconds(10)).run(arguments, environment: context.environment)
        guard reply.status == 0, reply.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return service.map { "no container of service \($0) in Compose project \(project)" } ?? "no container in Compose project \(project)"
    }
}
