import Testing

@testable import Steps
@testable import Workflow

/// The object kinds' command, the engine's "no such object" texts, and the array-to-object rewrite of inspect's output.
@Suite("Docker object kinds")
struct DockerObjectKindTests {
    @Test("docker <object> inspect NAME, recorded and shown as such", arguments: DockerObjectKind.allCases)
    func command(kind: DockerObjectKind) throws {
        let context = CommandContext(learner: "a", step: "s", runId: "r", environment: [:], marksCreations: true, capabilities: [])
        let prepared = try kind.prepare(ResolvedCommand(key: kind.key, words: ["web"]), context: context).get()
        #expect(prepared.argv == ["docker", kind.key, "inspect", "web"])
        #expect(prepared.display == ["docker", kind.key, "inspect", "web"])
        #expect(kind.backend == "docker")
        #expect(kind.checks == [.exists])
    }

    @Test("no such object, as docker 20.10 and 28 clients and engines say it; other errors are not absence")
    func notFoundTexts() {
        let absent: [(String, String)] = [
            ("container", "Error response from daemon: No such container: web"),
            ("container", "Error: No such container: web"),
            ("image", "Error response from daemon: no such image: web: No such image: web:latest"),
            ("image", "Error response from daemon: No such image: web:latest"),
            ("volume", "Error response from daemon: get data: no such volume"),
            ("volume", "Error: No such volume: data"),
            ("network", "Error response from daemon: network net not found"),
            ("network", "Error: No such network: net"),
        ]
        for (object, text) in absent { #expect(DockerNotFound.says(text, object: object), "\(object): \(text)") }
        let errors: [(String, String)] = [
            ("container", "Cannot connect to the Docker daemon at unix:///x.sock. Is the docker daemon running?"),
            ("image", "Error response from daemon: invalid reference format"),
            ("volume", "Error response from daemon: No such container: data"),
            ("network", "permission denied while trying to connect to the Docker daemon socket"),
        ]
        for (object, text) in errors { #expect(!DockerNotFound.says(text, object: object), "\(object): \(text)") }
        #expect(DockerNotFound.saysNoPath("Error response from daemon: Could not find the file /nope in container web"))
        #expect(
            DockerNotFound.saysNoPath(
                "Error response from daemon: lstat /var/lib/docker/overlay2/x/merged/etc/passwd/x: not a directory"))
        #expect(!DockerNotFound.saysNoPath("Error response from daemon: No such container: web"))
    }

    @Test("inspect's one-element array becomes the object, one indentation level less, key order kept")
    func arrayToObject() {
        let collector = OutputCollector()
        let consumer = InspectOutputConsumer(output: ActionOutput(consumer: collector))
        let printed = ["[", "    {", "        \"Name\": \"web\",", "        \"Id\": \"abc\"", "    }", "]"]
        for line in printed {
            _ = Array(line.utf8).withUnsafeBytes { consumer.consume(line: $0, stream: .stdout, truncated: false) }
        }
        _ = Array("warning".utf8).withUnsafeBytes { consumer.consume(line: $0, stream: .stderr, truncated: false) }
        consumer.finish()
        #expect(collector.stdout == "{\n    \"Name\": \"web\",\n    \"Id\": \"abc\"\n}")
        #expect(consumer.errorText == "warning")
    }
}
