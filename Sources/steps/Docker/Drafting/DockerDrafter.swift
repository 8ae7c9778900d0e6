import Workflow

/// Drafts `docker:`, `nvidia-docker:` and `docker-compose:` steps from docker command lines a person
/// typed, read with `DockerArguments` (the flag table the runner uses): `-it` is `tty: true`,
/// `nvidia-docker run` needs a GPU, `docker build` without a context gets `.`; containers the text
/// lets Docker name at random get a name of the learner's own (`DockerContainerNamer`).
public struct DockerDrafter: CommandDrafter {
    /// Subcommands that do something useful without arguments (`docker ps` is a step, `docker rm` a mention).
    static let completeAlone: Set<String> = ["ps", "images", "version", "info", "login", "logout", "stats", "events"]

    /// The drafter of the Docker kinds.
    public init() {}

    public var name: String { "docker" }

    public var programs: [String] { [DockerCommandKind.docker.key, DockerCommandKind.nvidiaDocker.key, Self.compose] }

    /// Compose v1's program, a Docker-family kind of its own (SPEC 12.3).
    static let compose = DockerComposeCommandKind().key

    public var environmentNames: Set<String> { ["DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_CONFIG"] }

    public var flagsNamingVariables: Set<String> { ["-e", "--env", "--build-arg", "--env-file"] }

    /// Flags whose upper-case values are the engine's own words (`--cap-add ALL`), not placeholders.
    public var flagsWithLiteralValues: Set<String> {
        [
            "--cap-add", "--cap-drop", "--log-level", "-l", "--signal", "-s", "--stop-signal", "--security-opt", "--restart",
            "--log-driver", "--network", "--net", "--isolation", "--pid", "--ipc", "--uts", "--userns", "--cgroupns",
        ]
    }

    /// A subcommand named without what it acts on (`docker rm`, `docker container run`, `docker exec --privileged`)
    /// names a command in running text; `docker ps`, `docker container ls` do something alone.
    public func isMentionOnly(_ words: [String]) -> Bool {
        if words.count == 2 { return !Self.completeAlone.contains(words[1]) }
        let arguments = DockerArguments(Array(words.dropFirst()))
        guard let subcommand = arguments.subcommand, !Self.completeAlone.union(["ls", "list", "prune"]).contains(subcommand),
            !(words.dropFirst().first?.hasPrefix("-") ?? false)
        else { return false }
        if let action = arguments.actionIndex, ["ls", "list", "prune"].contains(arguments.words[action]) { return false }
        if arguments.actionIndex == nil, DockerFlagTable.objectGroups.contains(subcommand) { return true }
        return arguments.parse().positionals.isEmpty
    }

    public func draft(_ typed: TypedCommand) -> DraftOutcome {
        let names = DraftVariable.environmentNames.union(environmentNames)
        guard
            let line = TemplatedCommandLine(
                typed.text, environmentNames: names, flagsNamingVariables: flagsNamingVariables,
                flagsWithLiteralValues: flagsWithLiteralValues)
        else {
            let remark = "a shell line (pipe, redirection, `&&`, `;`, `$(…)` or `$PWD`): runs with /bin/sh, which gets every var"
            return .needsShell(remark: remark)
        }
        let key = programs.contains(line.words[0]) ? line.words[0] : DockerCommandKind.docker.key
        let words = Array(line.words.dropFirst())
        let arguments = DockerArguments(words)
        let (flags, positionals) = arguments.parse()
        let subcommand = arguments.subcommand
        var command = DraftedCommand(key: key, text: line.arguments, words: words, line: typed.line)
        command.remarks = line.remarks
        command.variables = line.variables
        let set = { (names: Set<String>) in flags.contains { names.contains($0.name) && ($0.value == nil || $0.value == "true") } }
        if ["run", "create", "exec"].contains(subcommand ?? ""), set(["-t", "--tty"]), !set(["-d", "--detach"]) {
            command.tty = true
            command.remarks.append(
                "`-t` asks for a terminal: the runner gives it one (`tty: true`)"
                    + (subcommand == "exec" ? "; an interactive command needs `stdin:` or no `-it`" : ""))
        }
        if key == DockerCommandKind.nvidiaDocker.key, subcommand == "run" {
            command.when = "gpu"
            command.remarks.append("needs a GPU: `when: gpu` skips it elsewhere")
        }
        if subcommand == "build", positionals.isEmpty, key != Self.compose {
            command.text += " ."
            command.remarks.append("the text gives `docker build` no build context: `.` added")
        }
        let tag = subcommand == "build" ? flags.first { $0.name == "-t" || $0.name == "--tag" }?.value : nil
        command.subject = tag ?? positionals.first?.0
        command.idWords = [key] + (subcommand.map { [$0] } ?? []) + (arguments.actionIndex.map { [words[$0]] } ?? [])
        if command.subject == nil { command.idWords += Self.writtenFlags(flags, in: words).map { $0.filter { $0 != "-" } } }
        command.names = positionals.map(\.0) + flags.compactMap { ["-t", "--tag", "--name"].contains($0.name) ? $0.value : nil }
        if subcommand == "login", positionals.isEmpty, flags.isEmpty, key == DockerCommandKind.docker.key {
            // `docker login` alone asks at a prompt: the step gives the account as vars, the password on stdin.
            command.text = "login --username \"${DOCKER_USERNAME}\" --password-stdin"
            command.words = ["login", "--username", "${DOCKER_USERNAME}", "--password-stdin"]
            command.variables += [.reference("DOCKER_USERNAME", fallback: nil), .reference("DOCKER_PASSWORD", fallback: nil)]
            command.stdin = "${DOCKER_PASSWORD}\n"
            command.remarks.append(
                "`docker login` asks for the account at a prompt: `--username` and `--password-stdin` "
                    + "take it from the vars DOCKER_USERNAME and DOCKER_PASSWORD (a secret by its name)")
        }
        let detached = set(["-d", "--detach"])
        let compose = key == Self.compose || subcommand == "compose"
        // A server in the foreground: Compose's `up`, or a `run` that publishes a port, without -d.
        command.runsUntilStopped =
            !detached && !command.tty
            && (compose
                ? words.contains("up") && !words.contains("-d") && !words.contains("--detach")
                : subcommand == "run" && flags.contains { $0.name == "-p" || $0.name == "--publish" })
        command.namesItsOwnThings = compose
        command.listsRemoteRows = subcommand == "search"
        return .drafted(command)
    }

    /// `run`/`exec` with `-i` and `-t` (not detached): the text types at the container's prompt next.
    public func opensShell(_ words: [String]) -> Bool {
        let arguments = DockerArguments(Array(words.dropFirst()))
        guard arguments.subcommand == "run" || arguments.subcommand == "exec" else { return false }
        let flags = arguments.parse().flags
        let set = { (names: Set<String>) in flags.contains { names.contains($0.name) && ($0.value == nil || $0.value == "true") } }
        return set(["-i", "--interactive"]) && set(["-t", "--tty"]) && !set(["-d", "--detach"])
    }

    public func settle(_ commands: inout [DraftedCommand], outputs: [[String]]) -> [OutputStandIn] {
        DockerFixedNames.apply(to: &commands, keys: Set(programs))
            + DockerContainerNamer.apply(to: &commands, outputs: outputs, keys: Set(programs))
    }

    /// The flags as written: a bundle (`-it`) once, as typed, `--name=web` as `--name`.
    private static func writtenFlags(_ flags: [(name: String, value: String?, index: Int)], in words: [String]) -> [String] {
        var written: [String] = []
        for (offset, flag) in flags.enumerated() where offset == 0 || flags[offset - 1].index != flag.index {
            let bundled = flags.filter { $0.index == flag.index }.count > 1
            written.append(bundled ? words[flag.index] : flag.name)
        }
        return written
    }
}
