import Testing
import Workflow

@testable import Steps

/// `DockerDrafter`: a typed docker command line drafted into a `docker:`/`nvidia-docker:` command.
@Suite("Docker drafter")
struct DockerDrafterTests {
    private let drafter = DockerDrafter()

    /// The drafted command of `text`; fails the test when the line is not drafted as a docker command.
    private func drafted(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> DraftedCommand {
        guard case .drafted(let command) = drafter.draft(TypedCommand(text: text, line: 7)) else {
            Issue.record("\(text) was not drafted as a docker command", sourceLocation: sourceLocation)
            throw DraftFailure()
        }
        return command
    }

    /// A line that was not drafted.
    private struct DraftFailure: Error {}

    @Test("-it asks for a terminal unless -d runs the container in the background")
    func terminal() throws {
        let run = try drafted("docker run -it ubuntu hostname")
        #expect(run.key == "docker" && run.text == "run -it ubuntu hostname" && run.tty)
        #expect(run.words == ["run", "-it", "ubuntu", "hostname"])
        #expect(run.remarks == ["`-t` asks for a terminal: the runner gives it one (`tty: true`)"])
        #expect(try !drafted("docker run -dit --name web nginx").tty)
        let exec = try drafted("docker exec -it web sh")
        #expect(exec.tty && exec.remarks.last?.hasSuffix("an interactive command needs `stdin:` or no `-it`") == true)
        #expect(try !drafted("docker logs -t web").tty, "logs -t is --timestamps")
    }

    @Test("docker-compose lines are docker-compose: steps; compose build needs no context")
    func composeV1() throws {
        let up = try drafted("docker-compose up -d")
        #expect(up.key == "docker-compose" && up.text == "up -d")
        let build = try drafted("docker-compose build")
        #expect(build.text == "build" && build.remarks.isEmpty, "the compose file names the context")
        #expect(drafter.programs.contains("docker-compose"))
    }

    @Test("nvidia-docker run needs a GPU; docker build gets the context it lacks")
    func gpuAndContext() throws {
        let gpu = try drafted("nvidia-docker run --rm cuda nvidia-smi")
        #expect(gpu.key == "nvidia-docker" && gpu.when == "gpu")
        let build = try drafted("docker build -t me/app")
        #expect(build.text == "build -t me/app .")
        #expect(build.remarks == ["the text gives `docker build` no build context: `.` added"])
        #expect(try drafted("docker build -t me/app -f Dockerfile.gpu .").text == "build -t me/app -f Dockerfile.gpu .")
    }

    @Test("vars and placeholders become runbook vars; -e NAME stays a name; DOCKER_HOST stays the environment's")
    func variables() throws {
        let command = try drafted("docker run -e API_KEY -v $HOME/data:/data --name <container-name> $IMAGE IMAGENAME $DOCKER_HOST")
        #expect(
            command.text
                == #"run -e API_KEY -v ${env.HOME}/data:/data --name "${container_name}" "${IMAGE}" "${IMAGENAME}" ${env.DOCKER_HOST}"#)
        let expected: [DraftVariable] = [
            .placeholder("container_name", written: "<container-name>"), .reference("container_name", fallback: nil),
            .reference("IMAGE", fallback: nil),
            .placeholder("IMAGENAME", written: "IMAGENAME"),
        ]
        #expect(command.variables == expected)
        #expect(command.remarks.contains("`$IMAGE` is the var `${IMAGE}` (declared under vars:)"))
    }

    @Test("shell syntax and a bare program make an sh: step")
    func shellLines() {
        for line in [
            "docker ps | grep web", "docker logs web > log.txt", "docker run -v $PWD:/src alpine ls", "docker rm $(docker ps -aq)",
            "docker",
        ] {
            guard case .needsShell(let remark) = drafter.draft(TypedCommand(text: line, line: 1)) else {
                Issue.record("\(line) was drafted as a docker command")
                continue
            }
            #expect(remark.hasPrefix("a shell line"))
        }
    }

    @Test("the id words and subject come from docker's own flag table")
    func identity() throws {
        let run = try drafted("docker run -d --name web -p8080:80 nginx")
        #expect(run.idWords == ["docker", "run"] && run.subject == "nginx")
        #expect(Set(run.names) == ["nginx", "web"])
        let volume = try drafted("docker volume create myvol")
        #expect(volume.idWords == ["docker", "volume", "create"] && volume.subject == "myvol")
        let network = try drafted("docker network create -d bridge mynet")
        #expect(network.subject == "mynet")
        let build = try drafted("docker build -t me/app:1.0 .")
        #expect(build.subject == "me/app:1.0")
        let listing = try drafted("docker ps -aq")
        #expect(listing.idWords == ["docker", "ps", "aq"] && listing.subject == nil)
    }

    @Test("a docker subcommand that needs arguments, alone, is a mention")
    func mentions() {
        #expect(drafter.isMentionOnly(["docker", "rm"]))
        #expect(!drafter.isMentionOnly(["docker", "ps"]))
        #expect(!drafter.isMentionOnly(["docker", "rm", "web"]))
    }

    @Test("a container Docker named at random and used later gets the learner's name")
    func randomNames() throws {
        var commands = [try drafted("docker run ubuntu hostname"), try drafted("docker ps -a"), try drafted("docker logs gifted_darwin")]
        commands[2].line = 12
        let outputs = [["0d0af5005fc7"], ["0d0af5005fc7   ubuntu   \"hostname\"   Exited (0)   gifted_darwin"], []]
        let standIns = drafter.settle(&commands, outputs: outputs)
        #expect(standIns == [OutputStandIn(text: "gifted_darwin", template: "${learner}-gifted_darwin")])
        #expect(commands[0].text == "run --name ${learner}-gifted_darwin ubuntu hostname")
        #expect(commands[0].words == ["run", "--name", "${learner}-gifted_darwin", "ubuntu", "hostname"])
        #expect(commands[2].text == "logs ${learner}-gifted_darwin")
        #expect(commands[2].remarks.last == "`gifted_darwin` is the container of the step from line 7: `${learner}-gifted_darwin`")
    }

    @Test("both Docker kinds hand out the one drafter")
    func registered() {
        #expect(DockerCommandKind.docker.drafter?.name == "docker")
        #expect(DockerCommandKind.nvidiaDocker.drafter?.programs == ["docker", "nvidia-docker", "docker-compose"])
        #expect(StandardKinds.make().drafters.map(\.name) == ["docker", "curl"])
    }
}
