import Foundation
import Testing

/// `runbook import` end to end: tutorials in, drafts out, each draft validated by `runbook validate`.
@Suite("runbook import")
struct ImportCommandTests {
    /// Where the seed module's own text is, on machines that have it.
    static let seedText = ProcessInfo.processInfo.environment["RUNBOOK_SEED_TEXT"] ?? "/work/shared/seeds/000_11cff91806d08e7b.txt"

    /// Imports `tutorial` (in `directory`) to `draft.yaml`, checks that it validates, returns its text.
    static func importAndValidate(
        _ tutorial: String, in directory: URL, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> String {
        let imported = try await RunbookBinary.run(["import", tutorial, "-o", "draft.yaml"], in: directory)
        RunbookBinary.expectNoCrash(imported, sourceLocation: sourceLocation)
        #expect(imported.status == 0, "\(imported.stderr)", sourceLocation: sourceLocation)
        #expect(imported.stdout.isEmpty, sourceLocation: sourceLocation)
        let validated = try await RunbookBinary.run(["validate", "draft.yaml"], in: directory)
        #expect(validated.status == 0, "\(validated.stderr)", sourceLocation: sourceLocation)
        return try AuthoringFixtures.text(at: directory.appendingPathComponent("draft.yaml"))
    }

    @Test func moduleTextGivesEveryCommandOfTheModuleInOrder() async throws {
        let directory = try AuthoringFixtures.copy(["seed-tutorial.md"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let draft = try await Self.importAndValidate("seed-tutorial.md", in: directory)
        #expect(AuthoringFixtures.commands(inDraft: draft) == AuthoringFixtures.moduleCommands)
        #expect(draft.contains("    tty: true\n"))
        #expect(draft.contains("    when: gpu\n"))
        #expect(draft.contains("- matches: '^CONTAINER ID +IMAGE +COMMAND +CREATED +STATUS +PORTS +NAMES'"))
        #expect(draft.contains("- contains: Successfully tagged ${DOCKER_USERNAME}/tf-mnist:latest"))
        #expect(draft.contains("Exited \\(0\\) "), "Exited (0) is kept, escaped, in the ps -a regex")
        #expect(!draft.contains("example-scratch +"), "rows of images the tutorial never uses are left out")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: ImportCommandTests.seedText)))
    func theSeedModulesOwnTextGivesEveryCommandInOrder() async throws {
        let directory = try RunbookBinary.temporaryDirectory("runbook-seed")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(atPath: Self.seedText, toPath: directory.appendingPathComponent("seed.txt").path)
        let draft = try await Self.importAndValidate("seed.txt", in: directory)
        #expect(AuthoringFixtures.commands(inDraft: draft) == AuthoringFixtures.moduleCommands)
    }

    /// The seed module's text gives the draft made before the authoring code moved to its library.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: ImportCommandTests.seedText)))
    func theSeedModulesOwnTextGivesTheGoldenDraft() async throws {
        let directory = try RunbookBinary.temporaryDirectory("runbook-seed")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(atPath: Self.seedText, toPath: directory.appendingPathComponent("seed-module.md").path)
        let outcome = try await RunbookBinary.run(["import", "seed-module.md"], in: directory)
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let golden = try AuthoringFixtures.text("seed-module.draft.yaml")
        #expect(outcome.stdout == golden, "the draft differs from seed-module.draft.yaml:\n\(outcome.stdout)")
    }

    /// The test's own rewording of the module gives the draft made before the authoring code moved.
    @Test func theModuleTutorialGivesTheGoldenDraft() async throws {
        let outcome = try await RunbookBinary.run(["import", "seed-tutorial.md"], in: AuthoringFixtures.folder)
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let golden = try AuthoringFixtures.text("seed-tutorial.draft.yaml")
        #expect(outcome.stdout == golden, "the draft differs from seed-tutorial.draft.yaml:\n\(outcome.stdout)")
    }

    @Test func shellBlocksGiveTheGoldenDraft() async throws {
        let outcome = try await RunbookBinary.run(["import", "shell-blocks.md"], in: AuthoringFixtures.folder)
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let golden = try AuthoringFixtures.text("shell-blocks.yaml")
        #expect(outcome.stdout == golden, "the draft differs from shell-blocks.yaml:\n\(outcome.stdout)")
    }

    @Test func promptsContinuationsCommentsFoldersPipesTerminalsAndVars() async throws {
        let directory = try AuthoringFixtures.copy(["shell-blocks.md"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let draft = try await Self.importAndValidate("shell-blocks.md", in: directory)
        let commands = AuthoringFixtures.commands(inDraft: draft)
        // `$ ` and `# ` prompts, with the output under them as expectations.
        #expect(commands.contains("docker: version --format '{{.Server.Version}}'"))
        #expect(commands.contains("docker: info --format '{{.Driver}}'"))
        #expect(draft.contains("        - contains: overlay2\n"))
        // A command over several lines, its comment as title, `${IMAGE}` from `export IMAGE=…`.
        #expect(commands.contains("docker: run -d --name ${learner}-web -p ${port.web}:80 \"${IMAGE}\""))
        #expect(draft.contains("    title: start the web server\n"))
        #expect(draft.contains("  IMAGE: nginx:1.25\n"))
        #expect(draft.contains("        - matches: '^[0-9a-f]{64}$'\n"))
        // Pipes and redirections run with sh; a trailing comment is left out.
        #expect(commands.contains("sh: docker ps | grep web > running.txt"))
        #expect(commands.contains("sh: docker logs web 2>&1 | tail -n 1"))
        #expect(commands.contains("sh: docker stop web && docker rm web"))
        // `-it` asks for a terminal.
        let exec = try #require(draft.range(of: "    docker: exec -it ${learner}-web sh\n"))
        #expect(draft[exec.upperBound...].hasPrefix("    tty: true\n"))
        // `cd app` is the folder of the next command only until `cd ..`; `$TAG` is a declared var.
        #expect(draft.contains("    cwd: app\n    docker: build -t \"${TAG}\" .\n"))
        #expect(draft.components(separatedBy: "    cwd: app\n").count == 2)
        #expect(draft.contains("  TAG:\n    required: true\n    default: ${env.TAG}\n"))
        // A here-document stays one sh: script; a placeholder becomes a var; sudo goes.
        #expect(draft.contains("    sh: |-\n      cat <<EOF > note.txt\n      built at $(date)\n      EOF\n"))
        #expect(commands.contains("docker: logs \"${container_id}\""))
        #expect(draft.contains("    hint: The id is the first column of `docker ps`.\n"))
        // A dockerfile block holds no command; every guess is marked.
        #expect(!commands.contains { $0.contains("FROM") || $0.contains("COPY") })
        #expect(draft.contains("# drafted: "))
    }

    @Test func aTextWithoutCommandsIsExit2() async throws {
        let directory = try RunbookBinary.temporaryDirectory("runbook-import")
        defer { try? FileManager.default.removeItem(at: directory) }
        try "# Prose only\n\nNo command here, not even `ls`.\n\n```python\nprint(1)\n```\n"
            .write(to: directory.appendingPathComponent("prose.md"), atomically: true, encoding: .utf8)
        let outcome = try await RunbookBinary.run(["import", "prose.md"], in: directory)
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("prose.md: no command found"))
    }

    @Test func aMissingTutorialIsExit2() async throws {
        let outcome = try await RunbookBinary.run(["import", "no-such-tutorial.md"], in: AuthoringFixtures.folder)
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "runbook: error: no-such-tutorial.md: no such file\n")
    }

    @Test func anExistingDraftIsOverwrittenOnlyWithForce() async throws {
        let directory = try AuthoringFixtures.copy(["shell-blocks.md"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let draft = directory.appendingPathComponent("draft.yaml")
        try "hand-written\n".write(to: draft, atomically: true, encoding: .utf8)
        let refused = try await RunbookBinary.run(["import", "shell-blocks.md", "-o", "draft.yaml"], in: directory)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("draft.yaml exists; pass --force"))
        #expect(try AuthoringFixtures.text(at: draft) == "hand-written\n")
        let forced = try await RunbookBinary.run(["import", "shell-blocks.md", "-o", "draft.yaml", "--force"], in: directory)
        #expect(forced.status == 0)
        #expect(try AuthoringFixtures.text(at: draft).hasPrefix("# drafted: by `runbook import shell-blocks.md`"))
    }
}
