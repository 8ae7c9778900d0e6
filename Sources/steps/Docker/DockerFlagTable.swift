/// The docker CLI's flags that take no value, per subcommand: every other flag of that subcommand
/// takes one (`--name web`, `-p 8080:80`, `--format=…`). Read from `docker SUBCOMMAND --help` of
/// docker 28.2; the one table `DockerArguments` reads command lines with, for running, linting
/// and drafting alike.
enum DockerFlagTable {
    /// Global flags (before the subcommand) that take a value.
    static let globalValueFlags: Set<String> = [
        "-H", "--host", "-c", "--context", "--config", "-l", "--log-level", "--tlscacert", "--tlscert", "--tlskey",
    ]

    /// Command groups whose next word is the subcommand proper (`container run` is `run`, `image build` is `build`).
    static let groups: Set<String> = ["container", "image", "buildx", "builder"]

    /// Groups of commands on one kind of object, whose next word is the action (`volume create NAME`).
    static let objectGroups: Set<String> = ["volume", "network", "context", "plugin", "secret", "config", "system", "trust"]

    /// `run` (and, but for `--sig-proxy` and `-d`, `create`): `-t`, `-i`, `-d`, `--rm`…
    static let run: Set<String> = [
        "-d", "--detach", "-i", "--interactive", "-t", "--tty", "--rm", "--privileged", "--init", "--read-only", "-P", "--publish-all",
        "-q", "--quiet", "--no-healthcheck", "--oom-kill-disable", "--disable-content-trust", "--help", "--sig-proxy", "--use-api-socket",
    ]

    /// `build` (the classic builder's and buildx's `--load`, `--push`, `--squash`).
    static let build: Set<String> = [
        "--no-cache", "--pull", "-q", "--quiet", "--rm", "--force-rm", "--squash", "--compress", "--disable-content-trust", "--help",
        "--load", "--push",
    ]

    /// The other subcommands a workshop types, by name (`container ls` and `ps` share theirs).
    static let others: [String: Set<String>] = [
        "exec": ["-d", "--detach", "-i", "--interactive", "--privileged", "-t", "--tty"],
        "ps": ["-a", "--all", "-l", "--latest", "--no-trunc", "-q", "--quiet", "-s", "--size"],
        "ls": ["-a", "--all", "-l", "--latest", "--no-trunc", "-q", "--quiet", "-s", "--size"],
        "images": ["-a", "--all", "--digests", "--no-trunc", "-q", "--quiet"],
        "logs": ["--details", "-f", "--follow", "-t", "--timestamps"],
        "rm": ["-f", "--force", "-l", "--link", "-v", "--volumes"],
        "rmi": ["-f", "--force", "--no-prune"],
        "start": ["-a", "--attach", "-i", "--interactive"],
        "stop": [], "restart": [], "kill": [], "tag": [], "logout": [], "port": [], "top": [], "wait": [], "rename": [],
        "pause": [], "unpause": [], "version": [], "info": [],
        "push": ["-a", "--all-tags", "--disable-content-trust", "-q", "--quiet"],
        "pull": ["-a", "--all-tags", "--disable-content-trust", "-q", "--quiet"],
        "login": ["--password-stdin"],
        "inspect": ["-s", "--size"],
        "cp": ["-a", "--archive", "-L", "--follow-link", "-q", "--quiet"],
        "commit": ["-p", "--pause"],
        "attach": ["--no-stdin", "--sig-proxy"],
        "stats": ["-a", "--all", "--no-stream", "--no-trunc"],
        "load": ["-q", "--quiet"],
        "history": ["-H", "--human", "--no-trunc", "-q", "--quiet"],
        "search": ["--no-trunc"],
        "volume create": [], "volume inspect": [], "network connect": [], "network disconnect": ["-f", "--force"],
        "volume rm": ["-f", "--force"], "network rm": ["-f", "--force"],
        "volume ls": ["-q", "--quiet"], "network ls": ["--no-trunc", "-q", "--quiet"],
        "network create": ["--attachable", "--config-only", "--ingress", "--internal", "--ipv4", "--ipv6"],
        "network inspect": ["-v", "--verbose"],
        "system prune": ["-a", "--all", "-f", "--force", "--volumes"],
    ]

    /// The flags of `subcommand` (`volume create` for an object group's action) that take no value;
    /// nil for a subcommand not in the table.
    static func booleanFlags(of subcommand: String) -> Set<String>? {
        switch subcommand {
        case "run", "create": run
        case "build": build
        default: others[subcommand]
        }
    }

    /// The one-letter flags of `flags`, which the CLI lets a person write together (`-it`, `-aq`).
    static func letters(of flags: Set<String>) -> Set<Character> {
        Set(flags.filter { $0.count == 2 && $0.hasPrefix("-") && $0 != "--" }.compactMap(\.last))
    }
}
