import Workflow

/// Whether a container a command names exists on the learner's engine (SPEC 6.11): `check` does
/// not wait with `retry: { for }` for a command on a container that is not there.
enum ContainerPrerequisite {
    /// The docker subcommands whose first argument is a container (after their flags).
    static let subcommands: Set<String> = ["exec", "logs", "top", "port", "attach", "wait", "stats", "inspect"]
    /// Flags of those subcommands that take a value.
    static let valueFlags: Set<String> = [
        "-e", "--env", "--env-file", "-u", "--user", "-w", "--workdir", "--detach-keys", "--since", "--until", "-n", "--tail",
        "--format", "-f", "--type",
    ]

    /// "container NAME does not exist" when the engine says so; nil when it exists or the engine cannot tell.
    static func missing(_ name: String, environment: [String: String]) async -> String? {
        guard !name.isEmpty else { return nil }
        let arguments = ["container", "inspect", "--format", "{{.Id}}", name]
        let reply = await DockerCLI(timeout: .seconds(10)).run(arguments, environment: environment)
        guard reply.status != 0, DockerNotFound.says(reply.stderr, object: "container") else { return nil }
        return "container \(name) does not exist"
    }

    /// The container a `docker` command line acts on, when its subcommand takes one.
    static func named(in words: [String]) -> String? {
        let arguments = DockerArguments(words)
        guard let index = arguments.subcommandIndex, let subcommand = arguments.subcommand, subcommands.contains(subcommand) else {
            return nil
        }
        var position = index + 1
        while position < words.count {
            let word = words[position]
            if word == "--" { return position + 1 < words.count ? words[position + 1] : nil }
            guard word.hasPrefix("-"), word != "-" else { return word }
            position += valueFlags.contains(word) ? 2 : 1
        }
        return nil
    }
}
