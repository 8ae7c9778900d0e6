import Steps
import Testing
import Workflow

@testable import Authoring

/// `runbook import`'s orchestration: commands found in the text, each drafted by its program's kind or made an `sh:` step.
@Suite("Tutorial importer")
struct TutorialImporterTests {
    /// Every standard kind, made once for the suite.
    static let kinds = StandardKinds.make()

    /// The draft of `markdown`.
    private func draft(_ markdown: String) -> TutorialImporter.Draft {
        TutorialImporter.draft(markdown: markdown, source: "t.md", registry: Self.kinds)
    }

    @Test("a console block's commands and the code spans of the text that start with a drafted program")
    func findsCommands() {
        let text = """
            # Tutorial

            List them with `docker ps`, not with `ls`.

            ```console
            $ docker run -d --name web nginx
            4f1c9d0e8b7a4f1c4f1c9d0e8b7a4f1c4f1c9d0e8b7a4f1c4f1c9d0e8b7a4f1c
            $ curl -s localhost:8080 | head -n 1
            ```
            """
        let draft = draft(text)
        #expect(draft.stepCount == 3)
        #expect(draft.yaml.contains("    docker: ps\n"))
        #expect(draft.yaml.contains("    docker: run -d --name ${learner}-web nginx\n"))
        #expect(draft.yaml.contains("        - matches: '^[0-9a-f]{64}$'\n"))
        #expect(draft.yaml.contains("    sh: curl -s localhost:8080 | head -n 1\n"))
        #expect(draft.yaml.contains("# drafted: a curl line with options or shell syntax that `http:` does not take: runs with /bin/sh"))
    }

    @Test("assignments become vars, cd the folder of later steps, sudo goes, a bare mention folds into its fuller command")
    func orchestration() {
        let text = """
            Remove it with `docker rm`:

            ```sh
            export NAME=web
            cd app
            sudo docker rm -f "$NAME"
            ```
            """
        let draft = draft(text)
        #expect(draft.stepCount == 1)
        #expect(draft.yaml.contains("  NAME: web\n"))
        #expect(draft.yaml.contains("    cwd: app\n    docker: rm -f \"${NAME}\"\n"))
        #expect(draft.yaml.contains("# drafted: `sudo` left out: the runner talks to the engine as the user it runs as"))
        #expect(draft.yaml.contains("also mentioned at line 1"))
    }

    @Test("a text without commands drafts no step")
    func noCommand() {
        #expect(draft("# Prose\n\nOnly `ls` here.\n").stepCount == 0)
    }

    @Test("the drafters of the registry say which spans are commands and which mentions are no steps")
    func drafters() {
        let drafters = Drafters(registry: Self.kinds)
        #expect(drafters.programs == ["docker", "nvidia-docker", "docker-compose", "curl"])
        #expect(drafters.mentions("docker ps") && drafters.mentions(" sudo nvidia-docker run x") && !drafters.mentions("dockerd"))
        #expect(drafters.isMentionOnly(["docker", "rm"]) && !drafters.isMentionOnly(["ls", "-l"]))
        #expect(Drafters(registry: .core).name.isEmpty)
    }
}
