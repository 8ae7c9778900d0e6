import Testing
import Workflow

@testable import Steps

/// What `DockerDrafter` tells the importer about a docker line beyond its command: mentions, shells
/// it opens, servers, own names, remote rows, fixed names and ports made the learner's own.
@Suite("Docker draft facts")
struct DockerDraftFactsTests {
    private let drafter = DockerDrafter()

    /// The drafted command of `text`, or nil.
    private func drafted(_ text: String) -> DraftedCommand? {
        guard case .drafted(let command) = drafter.draft(TypedCommand(text: text, line: 1)) else { return nil }
        return command
    }

    @Test("a subcommand without what it acts on is a mention; one that does something alone is not")
    func mentions() {
        #expect(drafter.isMentionOnly(["docker", "container", "run"]))
        #expect(drafter.isMentionOnly(["docker", "exec", "--privileged"]))
        #expect(drafter.isMentionOnly(["docker", "volume", "create"]))
        #expect(!drafter.isMentionOnly(["docker", "container", "ls"]) && !drafter.isMentionOnly(["docker", "ps", "-a"]))
        #expect(!drafter.isMentionOnly(["docker", "compose", "up"]) && !drafter.isMentionOnly(["docker", "run", "alpine"]))
    }

    @Test("run and exec with -i and -t open a shell; -d or a missing -i does not")
    func shells() {
        #expect(drafter.opensShell(["docker", "run", "-it", "--rm", "alpine", "sh"]))
        #expect(drafter.opensShell(["docker", "exec", "-ti", "es", "bash"]))
        #expect(!drafter.opensShell(["docker", "run", "-dit", "nginx"]) && !drafter.opensShell(["docker", "run", "-t", "alpine"]))
        #expect(!drafter.opensShell(["docker", "ps"]))
    }

    @Test("servers in the foreground, Compose's own names, search rows, literal upper-case values")
    func facts() {
        #expect(drafted("docker compose up")?.runsUntilStopped == true)
        #expect(drafted("docker compose up -d")?.runsUntilStopped == false)
        #expect(drafted("docker run -p 8080:80 nginx")?.runsUntilStopped == true)
        #expect(drafted("docker run -d -p 8080:80 nginx")?.runsUntilStopped == false)
        #expect(drafted("docker compose ps")?.namesItsOwnThings == true && drafted("docker ps")?.namesItsOwnThings == false)
        #expect(drafted("docker search nginx")?.listsRemoteRows == true)
        let caps = drafted("docker run --cap-add ALL --cap-drop CHOWN alpine")
        #expect(caps?.text == "run --cap-add ALL --cap-drop CHOWN alpine" && caps?.variables.isEmpty == true)
    }

    @Test("fixed names and published ports become the learner's own, in later commands too")
    func fixedNames() {
        var commands = ["docker volume create data", "docker run -d --name es -v data:/data -p 9200:9200 elasticsearch", "docker logs es"]
            .compactMap(drafted)
        commands.append(DraftedCommand(key: "http", text: "http://${engine_host}:9200", words: ["http://${engine_host}:9200"], line: 4))
        let known = drafter.settle(&commands, outputs: Array(repeating: [], count: commands.count))
        #expect(commands[0].text == "volume create ${learner}-data")
        #expect(commands[1].text == "run -d --name ${learner}-es -v ${learner}-data:/data -p ${port.es}:9200 elasticsearch")
        #expect(commands[2].text == "logs ${learner}-es")
        #expect(commands[3].text == "http://${engine_host}:${port.es}")
        #expect(known.contains(OutputStandIn(text: "es", template: "${learner}-es")))
        #expect(known.contains(OutputStandIn(text: "0.0.0.0:9200", template: "0.0.0.0:${port.es}")))
    }
}
