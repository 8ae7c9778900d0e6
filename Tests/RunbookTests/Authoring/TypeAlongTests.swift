import Foundation
import ProcessHarness
import Testing

/// Type-along end to end (issue 18 item 4): the instructor's `runbook record --share` in one
/// terminal, two learners' `runbook guide --join` in two others, a real `runbook serve` between.
@Suite("Type-along")
struct TypeAlongTests {
    /// A guide of learner `learner` joined to `joinURL`.
    static func guide(_ scratch: URL, joinURL: String, learner: String) async throws -> TmuxScreen {
        try await TmuxScreen(
            [
                RunbookBinary.url.path, "guide", GuideCommandTests.fixture.path, "--var", "dir=\(scratch.path)", "--out",
                scratch.appendingPathComponent("results-\(learner)").path, "--join", joinURL, "--learner", learner,
            ],
            in: scratch, environment: ["XDG_STATE_HOME": scratch.appendingPathComponent("state-\(learner)").path, "NO_COLOR": "1"],
            columns: 120, rows: 40)
    }

    @Test(.enabled(if: TmuxScreen.isAvailable))
    func commandsTheInstructorRunsReachEveryJoinedGuideAndTheBoardWithoutSecrets() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("type-along")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let serve = try await ServeProcess(
            [GuideCommandTests.fixture.path, "--listen", "127.0.0.1:0", "--store", scratch.appendingPathComponent("store").path],
            in: scratch)
        defer { serve.stopInBackground() }
        let ada = try await Self.guide(scratch, joinURL: serve.joinURL, learner: "ada")
        let bob = try await Self.guide(scratch, joinURL: serve.joinURL, learner: "bob")
        for screen in [ada, bob] { try await screen.waitFor("Step 1 of 4 · hello", "board: joined") }

        let home = scratch.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try "PS1='[\\#] teach$ '\n".write(to: home.appendingPathComponent(".bashrc"), atomically: true, encoding: .utf8)
        let instructor = try await TmuxScreen(
            [RunbookBinary.url.path, "record", "--share", serve.joinURL, "--token", serve.token], in: scratch,
            environment: ["HOME": home.path, "SHELL": "/bin/bash", "NO_COLOR": "1"], columns: 120, rows: 40)
        try await instructor.waitFor("[1] teach$")
        try await instructor.type("printf 'line %s\\n' one two three | cat")
        try await instructor.send("Enter")
        try await instructor.waitFor("[2] teach$")
        try await instructor.type("API_TOKEN=tok-very-secret sh -c 'echo \"$API_TOKEN\"'; false")
        try await instructor.send("Enter")
        try await instructor.waitFor("[3] teach$")

        for screen in [ada, bob] {
            let shown = try await screen.waitFor(
                "instructor ran: printf 'line %s\\n' one two three | cat", "    line one", "    line three",
                "instructor ran (exit 1): API_TOKEN=${API_TOKEN} sh -c 'echo \"$API_TOKEN\"'; false")
            #expect(!shown.contains("tok-very-secret"))
            #expect(shown.contains("Step 1 of 4 · hello"), "under the current step")
        }
        let stream = try await Curl.get("\(serve.origin)/api/v1/instructor?after=0", bearer: serve.token).json
        let entries = stream["entries"] as? [[String: Any]] ?? []
        #expect(entries.compactMap { $0["command"] as? String }.first == "printf 'line %s\\n' one two three | cat")
        #expect(entries.last?["exitStatus"] as? Int == 1)
        let page = try await Curl.get("\(serve.origin)/", bearer: serve.token)
        #expect(page.body.contains("id=\"instructor-list\""), "the board page shows the instructor's stream")
        let anonymous = try await Curl.get("\(serve.origin)/api/v1/instructor?after=0")
        #expect(anonymous.status == 401)

        try await instructor.send("C-d")
        #expect(try await instructor.waitForExit() == 0)
        for screen in [ada, bob] {
            try await screen.send("q")
            _ = try await screen.waitForExit()
        }
    }

    @Test(.enabled(if: BrowserAvailability.installed || DockerAvailability.inCI, "needs chromium and chromedriver"))
    func theBoardPageListsTheInstructorsCommandsLiveAsText() async throws {
        try #require(BrowserAvailability.installed, "install chromium and chromium-driver (scripts/install-deps.sh)")
        let scratch = try RunbookBinary.temporaryDirectory("type-along-page")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let serve = try await ServeProcess(
            [GuideCommandTests.fixture.path, "--listen", "127.0.0.1:0", "--store", scratch.appendingPathComponent("store").path],
            in: scratch)
        defer { serve.stopInBackground() }
        func share(_ command: String, _ output: [String]) async throws {
            let body = try JSONSerialization.data(withJSONObject: ["command": command, "exitStatus": 0, "output": output])
            #expect(try await Curl.post("\(serve.origin)/api/v1/instructor", body: body, bearer: serve.token).status == 200)
        }
        let first = "docker ps"
        let second = "echo '<b>not bold</b>'"
        try await share(first, ["CONTAINER ID   IMAGE"])
        let venv = try await ExternalTool.run(
            DockerAvailability.repositoryRoot.appendingPathComponent("scripts/board-browser-venv.sh").path, [])
        try #require(venv.status == 0, "cannot make the venv: \(venv.output)")
        let python = try #require(venv.output.split(separator: "\n").last.map(String.init))
        let ready = scratch.appendingPathComponent("ready")
        let log = scratch.appendingPathComponent("driver.log")
        let driver = try ChildProcess.spawn(
            python,
            [
                DockerAvailability.repositoryRoot.appendingPathComponent("scripts/board_typealong_browser.py").path, serve.boardURL, first,
                second, ready.path,
            ],
            in: scratch.path, stdout: .file(log.path), stderr: .file(scratch.appendingPathComponent("driver.err").path))
        let driverReady = try await BoardEndToEndTests.eventually(.seconds(60)) { FileManager.default.fileExists(atPath: ready.path) }
        if driverReady { try await share(second, ["<b>not bold</b>"]) }
        let status = await driver.exitStatus()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOf: scratch.appendingPathComponent("driver.err"), encoding: .utf8)) ?? ""
        #expect(driverReady && status == 0, "\(output)\(errors)")
        let seen = (try? JSONSerialization.jsonObject(with: Data((output.split(separator: "\n").last ?? "").utf8))) as? [String: Any] ?? [:]
        #expect(seen["commands"] as? [String] == [second, first], "newest first, without a reload: \(seen)")
        #expect(seen["output"] as? String == "<b>not bold</b>", "output set as text: \(seen)")
        #expect(seen["injected"] as? Int == 0)
    }
}
