import Foundation
import Testing

/// `runbook guide --join URL` without a runbook (SPEC 10.3), natively: the board's workshop is
/// fetched into an empty folder; a local runbook that differs, or a wrong class code, is refused
/// before any step with one line; the join page names the command per system and the offered files.
@Suite("guide --join fetches the board's workshop", .serialized, .enabled(if: TmuxScreen.isAvailable))
struct GuideJoinBundleTests {
    /// A workshop folder with a runbook of two steps and a file it reads.
    static func workshop() throws -> URL {
        let folder = try RunbookBinary.temporaryDirectory("join-workshop")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        let runbook = """
            runbook: 1
            title: Fetched workshop
            steps:
              - id: read
                exec: [cat, data/note.txt]
                expect: { stdout: { contains: from the board } }
              - id: done
                exec: [echo, done]
                expect: { stdout: { contains: done } }

            """
        try Data(runbook.utf8).write(to: folder.appendingPathComponent("workshop.yaml"))
        try Data("from the board\n".utf8).write(to: folder.appendingPathComponent("data/note.txt"))
        try Data("secret".utf8).write(to: folder.appendingPathComponent("private.key"))
        chmod(folder.appendingPathComponent("private.key").path, 0o600)
        return folder
    }

    @Test("an empty folder gets ./fetched-workshop/ and is guided from there; files not readable by others stay home")
    func fetches() async throws {
        let workshop = try Self.workshop()
        let learner = try RunbookBinary.temporaryDirectory("join-learner")
        defer {
            try? FileManager.default.removeItem(at: workshop)
            try? FileManager.default.removeItem(at: learner)
        }
        let offered = workshop.appendingPathComponent("offered.tar")
        try Data(repeating: 7, count: 1000).write(to: offered)
        let serve = try await ServeProcess(
            [
                workshop.appendingPathComponent("workshop.yaml").path, "--listen", "127.0.0.1:0", "--store",
                workshop.appendingPathComponent("store").path,
                "--offer", offered.path,
            ], in: workshop)
        defer { serve.stopInBackground() }
        let page = try await Curl.get(serve.joinURL).body
        #expect(page.contains("docker run --rm -it -v /var/run/docker.sock:/var/run/docker.sock -v \"$PWD:$PWD\" -w \"$PWD\""))
        #expect(page.contains("wsl sh -c"), "Windows from PowerShell")
        #expect(page.contains("runbook guide --join \(serve.joinURL) --learner YOUR-ID"))
        #expect(page.contains("/files/offered.tar") && page.contains("docker load -i offered.tar"))
        let download = FileManager.default.temporaryDirectory.appendingPathComponent("offered-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: download) }
        let offeredCopy = try await ExternalTool.run("curl", ["-fsS", "-o", download.path, "\(serve.joinURL)/files/offered.tar"])
        #expect(offeredCopy.status == 0 && (try? Data(contentsOf: download)) == Data(repeating: 7, count: 1000), "\(offeredCopy.output)")
        await #expect(
            try Curl.get(serve.joinURL.replacingOccurrences(of: serve.code, with: "wrong-code-99") + "/bundle.tar.gz").status == 401)
        let screen = try await TmuxScreen(
            [RunbookBinary.url.path, "guide", "--join", serve.joinURL, "--learner", "ada"], in: learner,
            environment: ["XDG_STATE_HOME": learner.appendingPathComponent(".state").path, "NO_COLOR": "1"], columns: 100, rows: 30)
        try await screen.waitFor("unpacked into ./fetched-workshop/", "Step 1 of 2")
        try await screen.send("Enter")
        try await screen.waitFor("Step 2 of 2")
        try await screen.send("Enter")
        #expect(try await screen.waitForExit() == 0)
        let fetched = learner.appendingPathComponent("fetched-workshop")
        #expect(FileManager.default.fileExists(atPath: fetched.appendingPathComponent("data/note.txt").path))
        #expect(!FileManager.default.fileExists(atPath: fetched.appendingPathComponent("private.key").path))
        #expect(
            !FileManager.default.fileExists(atPath: fetched.appendingPathComponent("store").path), "the board's store is not handed out")
        await #expect(try serve.statuses()["ada"] == ["read": "passed", "done": "passed"])
    }

    @Test("a local runbook that is not the board's is refused with the command that fetches it; so is a wrong code")
    func refusals() async throws {
        let workshop = try Self.workshop()
        let learner = try RunbookBinary.temporaryDirectory("join-refused")
        defer {
            try? FileManager.default.removeItem(at: workshop)
            try? FileManager.default.removeItem(at: learner)
        }
        let serve = try await ServeProcess(
            [
                workshop.appendingPathComponent("workshop.yaml").path, "--listen", "127.0.0.1:0", "--store",
                workshop.appendingPathComponent("store").path,
            ],
            in: workshop)
        defer { serve.stopInBackground() }
        try Data("runbook: 1\nsteps:\n  - id: other\n    exec: [echo, x]\n".utf8).write(to: learner.appendingPathComponent("workshop.yaml"))
        let environment = ["XDG_STATE_HOME": learner.appendingPathComponent(".state").path]
        let screen = try await TmuxScreen(
            [RunbookBinary.url.path, "guide", "--join", serve.joinURL, "--learner", "bob"], in: learner, environment: environment)
        let shown = try await screen.waitFor("is not the runbook of the board", "EXIT=2")
        #expect(shown.contains("run in an empty folder"))
        let wrong = serve.joinURL.replacingOccurrences(of: serve.code, with: "wrong-code-99")
        let empty = try RunbookBinary.temporaryDirectory("join-wrong")
        defer { try? FileManager.default.removeItem(at: empty) }
        let refused = try await TmuxScreen(
            [RunbookBinary.url.path, "guide", "--join", wrong, "--learner", "bob"], in: empty, environment: environment)
        try await refused.waitFor("does not know the class code", "EXIT=2")
        #expect(BundleListing.names(in: empty).isEmpty, "nothing written")
    }
}

/// What a folder holds.
enum BundleListing {
    /// The names in `folder`, hidden ones too.
    static func names(in folder: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    }
}
