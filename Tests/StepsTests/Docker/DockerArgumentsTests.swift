import Testing

@testable import Steps

/// `DockerArguments` with its one flag table (`DockerFlagTable`, from `docker SUBCOMMAND --help`).
@Suite("Docker arguments")
struct DockerArgumentsTests {
    /// The flag names and positional words of `line`.
    private func parsed(_ line: String) -> (flags: [String], values: [String?], positionals: [String]) {
        let parsed = DockerArguments(line.split(separator: " ").map(String.init)).parse()
        return (parsed.flags.map(\.name), parsed.flags.map(\.value), parsed.positionals.map(\.0))
    }

    @Test("a value written against its short flag does not take the next word")
    func attachedValue() {
        let run = parsed("run -d --name web -p8080:80 nginx")
        #expect(run.flags == ["-d", "--name", "-p"])
        #expect(run.values == [nil, "web", "8080:80"])
        #expect(run.positionals == ["nginx"])
    }

    @Test("each subcommand's boolean short flags bundle")
    func bundles() {
        #expect(parsed("ps -aq").flags == ["-a", "-q"])
        #expect(parsed("start -ai web").positionals == ["web"])
        #expect(parsed("run -dit ubuntu").flags == ["-d", "-i", "-t"])
    }

    @Test("the flags of ps, logs and rm are read with their own table")
    func ownTables() {
        #expect(parsed("ps -a --format {{.Names}}").values == [nil, "{{.Names}}"])
        #expect(parsed("logs -t -n 5 web").positionals == ["web"])
        #expect(parsed("rm -f -v web").positionals == ["web"])
        #expect(parsed("exec -u root web id").positionals == ["web", "id"])
    }

    @Test("an object group's action comes before its flags: volume create, network create")
    func objectGroups() {
        let arguments = DockerArguments(["network", "create", "-d", "bridge", "mynet"])
        #expect(arguments.subcommand == "network")
        #expect(arguments.actionIndex == 1)
        #expect(parsed("network create -d bridge mynet").positionals == ["mynet"])
        #expect(parsed("volume create myvol").positionals == ["myvol"])
    }

    @Test("global flags and the container/image groups come before the subcommand")
    func globalsAndGroups() {
        let arguments = DockerArguments(["--context", "lab", "container", "run", "--rm", "img"])
        #expect(arguments.subcommand == "run" && arguments.subcommandIndex == 3)
        #expect(DockerArguments(["-H", "tcp://h:2375", "--tlscacert", "ca.pem", "ps"]).subcommand == "ps")
    }

    @Test("the run table is the one the runner labels and lints with")
    func runTable() {
        #expect(DockerArguments.runBooleanFlags == DockerFlagTable.run)
        #expect(DockerArguments.bundledRunFlags == DockerFlagTable.letters(of: DockerFlagTable.run))
    }
}
