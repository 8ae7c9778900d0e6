import Testing

@testable import Steps
@testable import Workflow

/// `file:` decoding (scalar or map; the engine only for a container), preparing and display.
@Suite("File command kind")
struct FileCommandKindTests {
    /// Every standard kind, made once for the suite.
    static let kinds = StandardKinds.make()

    let kind = FileCommandKind()

    func load(_ text: String) -> RunbookLoadResult {
        RunbookLoader(registry: Self.kinds).load(bytes: Array(text.utf8), path: "/work/runbook.yaml")
    }

    func context(cwd: String?) -> CommandContext {
        CommandContext(
            learner: "alice", step: "s", runId: "r", environment: ["PATH": "/usr/bin"], marksCreations: false, capabilities: [],
            workingDirectory: cwd)
    }

    @Test("a path on the runner needs no backend; a path in a container needs the engine; no warning without expect")
    func decoding() throws {
        let result = load(
            """
            runbook: 1
            vars: { web: web }
            steps:
              - id: local
                file: ${runbook_dir}/Dockerfile
              - id: inside
                file: { container: "${web}", path: /etc/hostname }
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let runbook = try #require(result.runbook)
        let local = try #require(runbook.step("local")).command
        #expect(local.backend == nil)
        #expect(local.words.map(\.raw) == ["${runbook_dir}/Dockerfile"])
        let inside = try #require(runbook.step("inside")).command
        #expect(inside.backend == "docker")
        #expect(inside.option("path")?.raw == "/etc/hostname")
        #expect(inside.option("container")?.raw == "${web}")
        #expect(inside.displayText == "path=/etc/hostname container=${web}", "runbook list shows the container too")
        #expect(runbook.backends == ["docker"])
    }

    @Test("a relative path counts from the command's working directory; the display keeps it as written")
    func relativePath() throws {
        let command = ResolvedCommand(key: "file", words: ["conf/../app.conf"])
        let prepared = try kind.prepare(command, context: context(cwd: "/srv/module")).get()
        #expect(prepared.argv == ["cat", "/srv/module/app.conf"])
        #expect(prepared.display == ["cat", "conf/../app.conf"])
        #expect(prepared.binary == "file")
        #expect(prepared.action is LocalFileReader)
    }

    @Test("in a container: docker cp -L to stdout, shown as docker exec … cat")
    func inContainer() throws {
        let command = ResolvedCommand(key: "file", options: [("path", "/usr/share/nginx/html/index.html"), ("container", "alice-web")])
        let prepared = try kind.prepare(command, context: context(cwd: "/srv")).get()
        #expect(prepared.argv == ["docker", "cp", "-L", "alice-web:/usr/share/nginx/html/index.html", "-"])
        #expect(prepared.display == ["docker", "exec", "alice-web", "cat", "/usr/share/nginx/html/index.html"])
        #expect(prepared.binary == "docker")
    }

    @Test("what cannot be read is an error before anything runs: an empty path or container, a relative path in a container")
    func problems() {
        let emptyPath = kind.prepare(ResolvedCommand(key: "file", words: [""]), context: context(cwd: "/"))
        #expect(throws: CommandProblem("`file:` names no file: the path is empty")) { try emptyPath.get() }
        let noContainer = ResolvedCommand(key: "file", options: [("path", "/a"), ("container", "")])
        let emptyContainer = kind.prepare(noContainer, context: context(cwd: "/"))
        #expect(throws: CommandProblem("`file:` names no container: the name is empty")) { try emptyContainer.get() }
        let relativeInside = ResolvedCommand(key: "file", options: [("path", "a/b"), ("container", "web")])
        let relative = kind.prepare(relativeInside, context: context(cwd: "/"))
        #expect(throws: CommandProblem("`file:` inside a container needs an absolute path, got 'a/b'")) { try relative.get() }
    }
}
