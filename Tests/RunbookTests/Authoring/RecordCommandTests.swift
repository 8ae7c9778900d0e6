import Foundation
import Testing

/// `runbook record` end to end: a person types module 1's commands (without the GPU ones) into the
/// recorded shell in a terminal (tmux), against the real engine and the lab registry; the draft
/// validates, keeps the password out, and its `selftest` passes.
@Suite("runbook record", .serialized)
struct RecordCommandTests {
    /// A home whose `.bashrc` sets a prompt that counts commands: seeing it proves the person's rc
    /// file loaded, and `[N]` tells when command N-1 ended.
    static func home(in directory: URL) throws -> URL {
        let home = directory.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let rc = "PS1='[\\#] rec$ '\nPROMPT_COMMAND='true;'\nHISTCONTROL=ignoreboth\n"
        try rc.write(to: home.appendingPathComponent(".bashrc"), atomically: true, encoding: .utf8)
        return home
    }

    /// Types `command` at prompt `number` and waits for the next prompt.
    static func type(_ command: String, at number: inout Int, on screen: TmuxScreen, input: [String] = []) async throws {
        try await screen.waitFor("[\(number)] rec$", timeout: .seconds(60))
        try await screen.type(command)
        try await screen.send("Enter")
        if !input.isEmpty {
            try await screen.waitFor(command)
            for line in input {
                try await screen.type(line)
                try await screen.send("Enter")
            }
            try await screen.send("C-d")
        }
        number += 1
        try await screen.waitFor("[\(number)] rec$", timeout: .seconds(300))
    }

    @Test(.enabled(if: DockerAvailability.shouldRun && TmuxScreen.isAvailable, DockerAvailability.why))
    func moduleOneTypedInsideRecordGivesADraftThatValidatesAndSelftests() async throws {
        try await DockerAvailability.requireEngine()
        try DockerAvailability.requireLab()
        let lab = try DockerAvailability.labEnvironment()
        let password = try #require(lab["REGISTRY_PASSWORD"])
        let learner = ModuleLab.learner("rec")
        let image = "127.0.0.1:5000/\(learner)/tf-mnist"
        let directory = try RunbookBinary.temporaryDirectory("runbook-record")
        defer {
            ExternalTool.launch("/bin/sh", ["-c", "docker rm -f \(learner)-hostname; docker rmi -f \(image); true"])
            try? FileManager.default.removeItem(at: directory)
        }
        let lesson = directory.appendingPathComponent("lesson")
        try FileManager.default.createDirectory(at: lesson, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: DockerAvailability.repositoryRoot.appendingPathComponent("modules/1-docker/src"), to: lesson.appendingPathComponent("src"))
        let dockerConfig = directory.appendingPathComponent("docker-config")
        try FileManager.default.createDirectory(at: dockerConfig, withIntermediateDirectories: true)
        let environment = [
            "HOME": try Self.home(in: directory).path, "SHELL": "/bin/bash", "DOCKER_CONFIG": dockerConfig.path, "NO_COLOR": "1",
        ]
        let screen = try await TmuxScreen([RunbookBinary.url.path, "record"], in: lesson, environment: environment, columns: 160, rows: 50)
        var number = 1
        for command in [
            "docker ps", "docker run -it --rm runbook-lab/ubuntu hostname",
            "docker run --name \(learner)-hostname runbook-lab/ubuntu hostname",
            // The engine is shared: the listing is narrowed to this learner's containers.
            "docker ps -a --filter name=\(learner)-", "docker logs \(learner)-hostname", "docker rm \(learner)-hostname", "docker images",
            "cd src", "docker build --build-arg BASE_IMAGE=runbook-lab/tensorflow:1.4.0 -t \(image) .",
            "docker run --rm \(image) --max_steps 100",
        ] {
            try await Self.type(command, at: &number, on: screen)
        }
        try await Self.type("docker login 127.0.0.1:5000 -u workshop --password-stdin", at: &number, on: screen, input: [password])
        try await Self.type("docker push \(image)", at: &number, on: screen)
        try await Self.type("clear", at: &number, on: screen)
        try await screen.send("C-d")
        let status = try await screen.waitForExit(timeout: .seconds(60))
        let shown = await screen.capture()
        #expect(status == 0, "\(shown)")

        let draft = try String(contentsOf: lesson.appendingPathComponent("recorded.yaml"), encoding: .utf8)
        #expect(!draft.contains(password))
        #expect(draft.contains("    stdin: ${REGISTRY_PASSWORD}\n"))
        #expect(draft.contains("    tty: true\n"))
        #expect(draft.contains("    cwd: src\n"))
        #expect(draft.contains("      - container: ${learner}-\(learner)-hostname\n        expect: { exists: false }\n"))
        #expect(draft.contains("      - image: \(image)\n"))
        #expect(draft.contains("- matches: '^Accuracy at step 90: \\d+\\.\\d+$'"))
        #expect(draft.contains("# drafted: not a step: `cd src`"))
        #expect(draft.contains("# drafted: not a step: `clear`"))
        #expect(!draft.contains(dockerConfig.path), "no expectation names Docker's config folder (the login's warning)")
        #expect(draft.contains("left out 1 line of its output that name a folder of this machine"))
        #expect(draft.components(separatedBy: "\n  - id: ").count - 1 == 11)

        let validated = try await RunbookBinary.run(["validate", "recorded.yaml"], in: lesson)
        #expect(validated.status == 0, "\(validated.stderr)")
        let selftest = try await RunbookBinary.run(
            ["selftest", "recorded.yaml", "--out", directory.appendingPathComponent("results").path],
            in: lesson, environment: lab)
        #expect(selftest.status == 0, "\(selftest.stdout)\n\(selftest.stderr)\n\(draft)")
    }

    /// Whether zsh is installed (scripts/install-deps.sh installs it).
    static let zshAvailable = ["/usr/bin/zsh", "/bin/zsh"].contains { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: DockerAvailability.engineShouldRun && TmuxScreen.isAvailable && RecordCommandTests.zshAvailable))
    func zshWithItsOwnRcFilesNestedShellsAndFolders() async throws {
        try await DockerAvailability.requireEngine()
        let directory = try RunbookBinary.temporaryDirectory("runbook-record-zsh")
        let volume = ModuleLab.learner("recz")
        defer {
            ExternalTool.launch("/bin/sh", ["-c", "docker volume rm \(volume); true"])
            try? FileManager.default.removeItem(at: directory)
        }
        let home = directory.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("work"), withIntermediateDirectories: true)
        try "PROMPT='[%h] zrec$ '\n".write(to: home.appendingPathComponent(".zshrc"), atomically: true, encoding: .utf8)
        let screen = try await TmuxScreen(
            [RunbookBinary.url.path, "record", "--shell", "zsh", "-o", "zsh.yaml"], in: directory,
            environment: ["HOME": home.path, "SHELL": "/bin/bash", "NO_COLOR": "1"], columns: 120, rows: 40)
        try await screen.waitFor("[1] zrec$")
        for (number, command) in [
            "docker volume create \(volume)", "cd home/work", "zsh", "echo inside; exit", "docker volume rm \(volume)",
        ]
        .enumerated() {
            try await screen.type(command)
            try await screen.send("Enter")
            // The nested zsh loads the person's .zshrc (no hooks), with a history of its own.
            let next = ["[2] zrec$", "[3] zrec$", "zrec$ zsh\n[1] zrec$", "inside\n[4] zrec$", "[5] zrec$"][number]
            try await screen.waitFor(next, timeout: .seconds(60))
        }
        try await screen.send("C-d")
        #expect(try await screen.waitForExit() == 0)
        let draft = try String(contentsOf: directory.appendingPathComponent("zsh.yaml"), encoding: .utf8)
        #expect(draft.contains("      - volume: ${learner}-\(volume)\n"))
        #expect(draft.contains("    cwd: home/work\n    docker: volume rm ${learner}-\(volume)\n"))
        #expect(draft.contains("    sh: zsh\n    stdin: echo inside; exit\n"), "the nested shell is one step, what was typed its stdin")
        #expect(!draft.contains("zrec$$ echo inside"), "the nested shell's echo of what was typed is no expectation")
        #expect(!draft.contains("sh: echo inside"))
        let validated = try await RunbookBinary.run(["validate", "zsh.yaml"], in: directory)
        #expect(validated.status == 0, "\(validated.stderr)")
    }

    @Test(.enabled(if: TmuxScreen.isAvailable))
    func ctrlCAndWindowSizeReachTheRecordedShell() async throws {
        let directory = try RunbookBinary.temporaryDirectory("runbook-record-keys")
        defer { try? FileManager.default.removeItem(at: directory) }
        let home = try Self.home(in: directory)
        let screen = try await TmuxScreen(
            [RunbookBinary.url.path, "record"], in: directory, environment: ["HOME": home.path, "SHELL": "/bin/bash"], columns: 100,
            rows: 30)
        var number = 1
        try await Self.type("stty size | cat", at: &number, on: screen)
        try await screen.waitFor("30 100")
        try await screen.type("echo started; sleep 600")
        try await screen.send("Enter")
        try await screen.waitFor("\nstarted")  // the command runs: Ctrl-C is for it, not for the line being typed
        try await screen.send("C-c")
        number += 1
        try await screen.waitFor("[\(number)] rec$")
        try await screen.resize(columns: 90, rows: 25)
        try await Self.type("stty size | cat", at: &number, on: screen)
        try await screen.waitFor("25 90")
        // A job left in the background keeps the terminal open: the recording still ends with the shell.
        try await Self.type("sleep 20 &", at: &number, on: screen)
        try await screen.send("C-d")
        let status = try await screen.waitForExit(timeout: .seconds(10))
        let shown = await screen.capture()
        #expect(status == 0, "\(shown)")
        let draft = try String(contentsOf: directory.appendingPathComponent("recorded.yaml"), encoding: .utf8)
        #expect(draft.contains("    sh: echo started; sleep 600\n    expect:\n      exit: 130\n"), "Ctrl-C reached the command:\n\(draft)")
        #expect(
            draft.contains("- contains: 30 100") && draft.contains("- contains: 25 90"),
            "the shell's terminal follows the window:\n\(draft)")
        #expect(!draft.contains("^C"), "the terminal's echo of Ctrl-C is no output")
    }

    @Test func commandsPipedInAreRecordedAndTheirEndEndsTheShell() async throws {
        let directory = try RunbookBinary.temporaryDirectory("runbook-record-piped")
        defer { try? FileManager.default.removeItem(at: directory) }
        // No terminal: the commands come on standard input, and its end must reach the shell as Ctrl-D.
        let record = "'\(RunbookBinary.url.path)' record -o piped.yaml --shell bash"
        let script = "cd '\(directory.path)' && printf 'mkdir -p piped-out\\n' | \(record)"
        let outcome = try await ExternalTool.run("timeout", ["60", "sh", "-c", script])
        #expect(outcome.status == 0, "\(outcome.output)")
        let draft = (try? String(contentsOf: directory.appendingPathComponent("piped.yaml"), encoding: .utf8)) ?? ""
        #expect(draft.contains("mkdir -p piped-out"), "\(draft)")
    }

    @Test func anExistingDraftIsNeverOverwrittenWithoutForce() async throws {
        let directory = try RunbookBinary.temporaryDirectory("runbook-record")
        defer { try? FileManager.default.removeItem(at: directory) }
        try "keep\n".write(to: directory.appendingPathComponent("recorded.yaml"), atomically: true, encoding: .utf8)
        let outcome = try await RunbookBinary.run(["record"], in: directory)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("recorded.yaml exists; pass --force to overwrite it"))
        #expect(try String(contentsOf: directory.appendingPathComponent("recorded.yaml"), encoding: .utf8) == "keep\n")
        let shell = try await RunbookBinary.run(["record", "-o", "other.yaml", "--shell", "fish"], in: directory)
        #expect(shell.status == 2)
        #expect(shell.stderr.contains("--shell must be bash or zsh"))
    }
}
