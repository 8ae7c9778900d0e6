import Foundation
import Testing

/// `runbook docs` end to end: the learner's Markdown, its samples, and `--check` for CI.
@Suite("runbook docs")
struct DocsCommandTests {
    static let fixtures = ["docs.yaml", "docs-results.json", "docs.md", "malformed.yaml", "roundtrip.yaml"]

    @Test func theMarkdownIsTheGoldenOne() async throws {
        let directory = try AuthoringFixtures.copy(Self.fixtures)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try await RunbookBinary.run(["docs", "docs.yaml", "--results", "docs-results.json"], in: directory)
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == (try AuthoringFixtures.text("docs.md")), "the Markdown differs from docs.md:\n\(outcome.stdout)")
    }

    @Test func commandsAreShownAsGuideShowsThem() async throws {
        let directory = try AuthoringFixtures.copy(Self.fixtures)
        defer { try? FileManager.default.removeItem(at: directory) }
        let markdown = try await RunbookBinary.run(["docs", "docs.yaml"], in: directory).stdout
        #expect(markdown.contains("```console\ndocker run -d --name local-web -p 8080:80 registry.example/local/web\n```"))
        #expect(!markdown.contains("io.runbook"), "the runner's labels are not shown")
        #expect(markdown.contains("```console\ndocker container inspect ${container_id}\n```"), "a capture not made is shown as ${name}")
        #expect(markdown.contains("```console\nnvidia-docker run --rm registry.example/local/web nvidia-smi\n```"))
        #expect(markdown.contains("_Only when the machine has an NVIDIA GPU; elsewhere the runbook skips this step._"))
        #expect(markdown.contains("In the folder `module/src`:"))
        #expect(
            markdown.contains(
                """
                ```console
                motd='it'\\''s ready'
                web_port='8080'
                learner='local'
                API_TOKEN="$API_TOKEN"  # a secret: set API_TOKEN in your shell first
                container_id="$container_id"  # set container_id first: step serve prints it
                echo "$motd on port $web_port for $learner"
                """))
        #expect(markdown.contains("It reads this on its standard input:\n\n```text\n${API_TOKEN}\n```"))
        #expect(markdown.contains("<details>\n<summary>Hint</summary>\n\nRun it where the `Dockerfile` is.\n\n</details>"))
        #expect(!markdown.contains("Output of a passing run"), "no samples without --results")
    }

    @Test func samplesShowWhatChangesAsPlaceholdersInALongEnoughFence() async throws {
        let directory = try AuthoringFixtures.copy(Self.fixtures)
        defer { try? FileManager.default.removeItem(at: directory) }
        let markdown = try await RunbookBinary.run(["docs", "docs.yaml", "--results", "docs-results.json"], in: directory).stdout
        let placeholders = [
            "<full-id>", "sha256:<digest>", "<id>", "<date>", "<time>", "<N minutes ago>", "<N minutes>", "<duration>", "<size>",
            "<learner>", "<learner-name>", "<run-id>", "<temp-dir>/out.log",
        ]
        for placeholder in placeholders {
            #expect(markdown.contains(placeholder), "no \(placeholder)")
        }
        for volatile in ["ada", "Ada Lovelace", "4f1c9d0e8b7a", "2024-03-01", "7F3A9C21", "74.4MB", "1.25s"] {
            #expect(!markdown.contains(volatile), "\(volatile) is shown")
        }
        #expect(markdown.contains("`````text\n"), "the sample holds a run of four backticks, so its fence has five")
        #expect(markdown.contains("\n```\n````json\n{}\n`````\n"))
    }

    @Test func runningItTwiceGivesTheSameBytes() async throws {
        let directory = try AuthoringFixtures.copy(Self.fixtures)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["first.md", "second.md"] {
            let outcome = try await RunbookBinary.run(["docs", "docs.yaml", "--results", "docs-results.json", "-o", name], in: directory)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stdout.isEmpty)
        }
        let first = try Data(contentsOf: directory.appendingPathComponent("first.md"))
        let second = try Data(contentsOf: directory.appendingPathComponent("second.md"))
        #expect(!first.isEmpty)
        #expect(first == second)
    }

    @Test func nothingShownDependsOnTheRunnersEnvironment() async throws {
        let directory = try AuthoringFixtures.copy(Self.fixtures)
        defer { try? FileManager.default.removeItem(at: directory) }
        let plain = try await RunbookBinary.run(["docs", "docs.yaml"], in: directory)
        let environment = ["FIXTURE_IMAGE": "from-the-environment/image", "API_TOKEN": "s3cret-value", "USER": "someone-else"]
        let influenced = try await RunbookBinary.run(["docs", "docs.yaml"], in: directory, environment: environment)
        #expect(influenced.status == 0)
        #expect(influenced.stdout == plain.stdout)
        #expect(!influenced.stdout.contains("from-the-environment") && !influenced.stdout.contains("s3cret"))
    }

    @Test func learnerAndVarsChangeTheCommands() async throws {
        let directory = try AuthoringFixtures.copy(Self.fixtures)
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = ["docs", "docs.yaml", "--learner", "bob", "--var", "web_port=9090", "--var", "API_TOKEN=t0ken"]
        let outcome = try await RunbookBinary.run(arguments, in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("docker run -d --name bob-web -p 9090:80 registry.example/bob/web\n"))
        #expect(outcome.stdout.contains("```text\n***\n```"), "a secret's value is redacted")
        #expect(!outcome.stdout.contains("t0ken"))
        let undeclared = try await RunbookBinary.run(["docs", "docs.yaml", "--var", "prot=1"], in: directory)
        #expect(undeclared.status == 2)
        #expect(undeclared.stderr.contains("'prot' is not a var of this runbook"))
    }

    @Test func checkPassesOnTheGeneratedFileAndFailsAfterAOneCharacterEdit() async throws {
        let directory = try AuthoringFixtures.copy(Self.fixtures)
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = ["docs", "docs.yaml", "--results", "docs-results.json"]
        #expect(try await RunbookBinary.run(arguments + ["-o", "README.md"], in: directory).status == 0)
        let clean = try await RunbookBinary.run(arguments + ["--check", "README.md"], in: directory)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.isEmpty)
        let file = directory.appendingPathComponent("README.md")
        let text = try AuthoringFixtures.text(at: file)
        try text.replacingOccurrences(of: "Serve it", with: "Serve iT").write(to: file, atomically: true, encoding: .utf8)
        let drifted = try await RunbookBinary.run(arguments + ["--check", "README.md"], in: directory)
        RunbookBinary.expectNoCrash(drifted)
        #expect(drifted.status == 1)
        let lines = drifted.stdout.components(separatedBy: "\n")
        #expect(lines.first == "--- README.md")
        #expect(lines.dropFirst().first == "+++ README.md (generated from docs.yaml)")
        #expect(lines.contains("-## 2. Serve iT"))
        #expect(lines.contains("+## 2. Serve it"))
        #expect(lines.contains { $0.hasPrefix("@@ -") && $0.hasSuffix(" @@") })
        #expect(lines.filter { $0.hasPrefix("-") || $0.hasPrefix("+") }.count == 4, "one line changed, plus the two headers")
        #expect(drifted.stderr.contains("regenerate it with: runbook docs docs.yaml --results docs-results.json -o README.md"))
    }

    @Test func checkOfAMissingFileIsExit1() async throws {
        let directory = try AuthoringFixtures.copy(Self.fixtures)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try await RunbookBinary.run(["docs", "docs.yaml", "--check", "missing.md"], in: directory)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.hasPrefix("--- missing.md\n"))
        #expect(outcome.stderr.contains("missing.md: missing"))
    }

    @Test func aMalformedRunbookIsExit2WithPositionedDiagnostics() async throws {
        let directory = try AuthoringFixtures.copy(Self.fixtures)
        defer { try? FileManager.default.removeItem(at: directory) }
        for extra in [[], ["--check", "docs.md"]] {
            let outcome = try await RunbookBinary.run(["docs", "malformed.yaml"] + extra, in: directory)
            RunbookBinary.expectNoCrash(outcome)
            #expect(outcome.status == 2)
            #expect(outcome.stdout.isEmpty)
            let lines = outcome.stderr.components(separatedBy: "\n")
            #expect(lines.contains("malformed.yaml:4:5: error: unknown key 'dokcer' in step; did you mean 'docker'?"))
            #expect(lines.contains("malformed.yaml:7:14: error: timeout: '30' has no unit; add one: '30s', '30m' or '30ms'"))
            #expect(lines.contains("             ^"))
            #expect(outcome.stderr.hasSuffix("malformed.yaml: 4 errors\n"))
        }
    }

    @Test func resultsOfAnotherRunbookAreRefused() async throws {
        let directory = try AuthoringFixtures.copy(Self.fixtures)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try await RunbookBinary.run(["docs", "roundtrip.yaml", "--results", "docs-results.json"], in: directory)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("docs-results.json: its steps are not those of roundtrip.yaml"))
        let unreadable = try await RunbookBinary.run(["docs", "docs.yaml", "--results", "docs.md"], in: directory)
        #expect(unreadable.status == 2)
        #expect(unreadable.stderr.contains("error: docs.md: not a results.json or journal.jsonl"))
    }

    @Test func aLineThatEndsInABackslashOrLeavesABacktickOpenIsShownAsWritten() async throws {
        let directory = try RunbookBinary.temporaryDirectory("runbook-docs-continuation")
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
        runbook: 1
        steps:
          - id: serve
            sh: |
              docker run -d --name web \\
                -p 8080:80 web
          - id: odd
            sh: echo `date
        """.write(to: directory.appendingPathComponent("runbook.yaml"), atomically: true, encoding: .utf8)
        let outcome = try await RunbookBinary.run(["docs", "runbook.yaml"], in: directory)
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("docker run -d --name web \\\n  -p 8080:80 web"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("echo `date"))
    }
}
