import Workflow

/// Compose projects of learners (SPEC 12.3): a compose step gets `COMPOSE_PROJECT_NAME=<learner>-<module slug>`
/// unless the runbook or the step names one, and sweeps recognise a project's objects by its label.
public enum ComposeProject {
    /// The label Compose (v1 and v2) puts on a project's containers, networks and volumes.
    public static let label = "com.docker.compose.project"
    /// The environment variable that names the project.
    public static let variable = "COMPOSE_PROJECT_NAME"

    /// `<learner>-<module slug>`: lowercase letters, digits, `-` and `_`, as Compose requires.
    public static func name(learner: String, module: String) -> String {
        let slug = String(
            module.lowercased().map { character -> Character in
                (character.isASCII && (character.isLetter || character.isNumber)) || character == "_" || character == "-" ? character : "-"
            })
        return slug.isEmpty ? learner : "\(learner)-\(slug)"
    }

    /// The Compose subcommands after which the project has containers (what sweeps remove).
    static let creating: Set<String> = ["up", "run", "create", "start", "restart", "scale"]

    /// The first word of a compose command line that is not a global flag (`up`, `down`, …), and the
    /// project named with `-p`/`--project-name`, if any.
    static func read(_ words: ArraySlice<String>) -> (subcommand: String?, project: String?) {
        let valueFlags: Set<String> = [
            "-f", "--file", "-p", "--project-name", "--project-directory", "--env-file", "--profile", "--ansi", "--parallel", "-H",
            "--host", "--context", "-c", "--log-level", "--progress",
        ]
        var project: String?
        var index = words.startIndex
        while index < words.endIndex {
            let word = words[index]
            if word == "-p" || word == "--project-name", index + 1 < words.endIndex { project = words[index + 1] }
            if word.hasPrefix("--project-name=") { project = String(word.dropFirst("--project-name=".count)) }
            if !word.hasPrefix("-") { return (word, project) }
            index += valueFlags.contains(word) ? 2 : 1
        }
        return (nil, project)
    }

    /// What the runner adds to a compose command for `context`: the project variable (unless the
    /// author set one, or `-p` names the project) and the project its objects belong to.
    static func settings(
        for words: ArraySlice<String>, context: CommandContext
    ) -> (environment: [String: String], project: String, creates: Bool) {
        let (subcommand, named) = read(words)
        let creates = subcommand.map(creating.contains) ?? false
        if let named { return ([:], named, creates) }
        // `version` and `ls` concern no project: nothing to add or to show.
        if let subcommand, ["version", "ls"].contains(subcommand) {
            return ([:], name(learner: context.learner, module: context.module), false)
        }
        if context.authorEnvironment.contains(variable), let own = context.environment[variable], !own.isEmpty {
            return ([:], own, creates)
        }
        let project = name(learner: context.learner, module: context.module)
        return ([variable: project], project, creates)
    }
}
