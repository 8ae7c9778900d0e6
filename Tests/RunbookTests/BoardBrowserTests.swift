import Foundation
import ProcessHarness
import Testing

/// The class board in a real browser: headless Chromium driven by selenium (scripts/board_browser.py,
/// in a venv made by scripts/board-browser-venv.sh) sees a learner progress without a reload, the
/// token gone from the address bar, and the presentation view.
/// It skips on a machine without them, never under CI (`CI=true`), where it fails instead.
@Suite(
    "class board in a browser", .serialized,
    .enabled(if: BrowserAvailability.installed || DockerAvailability.inCI, "needs chromium and chromedriver"))
struct BoardBrowserTests {
    @Test("the board changes without a reload when a learner progresses, and a cell opens its details")
    func liveUpdates() async throws {
        try #require(BrowserAvailability.installed, "install chromium and chromium-driver (scripts/install-deps.sh)")
        let scratch = try RunbookBinary.temporaryDirectory("board-browser")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let runbook = BoardEndToEndTests.classRunbook.path
        let roster = BoardEndToEndTests.roster.path
        let serve = try await ServeProcess(
            [runbook, "--learners", roster, "--listen", "127.0.0.1:0", "--store", scratch.appendingPathComponent("store").path], in: scratch
        )
        defer { serve.stopInBackground() }
        let environment = ["XDG_STATE_HOME": scratch.appendingPathComponent("state").path]
        func run(_ learners: String, _ extra: [String] = [], out: String) async throws {
            let outcome = try await RunbookBinary.run(
                [
                    "run", runbook, "--learners", roster, "--learner", learners, "--publish", serve.joinURL, "--out",
                    scratch.appendingPathComponent(out).path,
                ] + extra,
                in: scratch, environment: environment)
            RunbookBinary.expectNoCrash(outcome)
        }
        try await run("ada,bob,carol,dan", out: "results-1")
        try await run("eve", ["--only", "hello"], out: "results-2")
        // dan raises a hand on picky, as `h` in a guide would.
        let joined = try await Curl.post("\(serve.origin)/api/v1/join", body: Data("{\"code\":\"\(serve.code)\",\"learner\":\"dan\"}".utf8))
            .json
        let seq = (joined["acked"] as? Int ?? 0) + 1
        let hand =
            "{\"seq\":\(seq),\"type\":\"hand\",\"hand\":{\"learner\":\"dan\",\"step\":\"picky\",\"raisedAt\":\"2030-01-01T00:00:00.000Z\"}}"
        #expect(
            try await Curl.post("\(serve.origin)/api/v1/journal", body: Data(hand.utf8), bearer: joined["token"] as? String).status == 200)

        let venv = try await ExternalTool.run(
            DockerAvailability.repositoryRoot.appendingPathComponent("scripts/board-browser-venv.sh").path, [])
        try #require(venv.status == 0, "cannot make the venv: \(venv.output)")
        let python = try #require(venv.output.split(separator: "\n").last.map(String.init))
        let ready = scratch.appendingPathComponent("ready")
        let screenshot = scratch.appendingPathComponent("board.png")
        let log = scratch.appendingPathComponent("driver.log")
        let driver = try ChildProcess.spawn(
            python,
            [
                DockerAvailability.repositoryRoot.appendingPathComponent("scripts/board_browser.py").path, serve.boardURL, "eve",
                ready.path, screenshot.path,
            ],
            in: scratch.path, stdout: .file(log.path), stderr: .file(scratch.appendingPathComponent("driver.err").path)
        )
        let driverReady = try await BoardEndToEndTests.eventually(.seconds(60)) { FileManager.default.fileExists(atPath: ready.path) }
        if driverReady { try await run("eve", out: "results-3") }
        let status = await driver.exitStatus()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOf: scratch.appendingPathComponent("driver.err"), encoding: .utf8)) ?? ""
        #expect(driverReady, "the page never followed the board's events: \(output)\(errors)")
        #expect(status == 0, "\(output)\(errors)")
        let seen = (try? JSONSerialization.jsonObject(with: Data((output.split(separator: "\n").last ?? "").utf8))) as? [String: Any] ?? [:]
        #expect(seen["mark"] as? String == "no reload")
        let address = seen["url"] as? String ?? "?token="
        #expect(!address.contains("token"), "the token is gone from the address bar: \(address)")
        #expect(address == serve.origin + "/", "\(address)")
        #expect(seen["present_url"] as? String == serve.origin + "/?present=1", "p switches to the presentation view")
        #expect(seen["matrix_shown"] as? Bool == false && seen["detail_shown"] as? Bool == false, "no output, no hints: \(seen)")
        #expect(seen["present_count"] as? String == "5", "the pass count per step, large")
        #expect((seen["present_hands"] as? String)?.contains("dan") == true, "raised hands stay: \(seen)")
        #expect((seen["before"] as? String)?.contains("s-skipped") == true, "\(seen)")
        #expect((seen["after"] as? String)?.contains("s-passed") == true, "\(seen)")
        #expect(seen["count"] as? String == "5", "the count passed per step follows")
        #expect(seen["hint"] as? String == "Hint: Learners called eve never pass this one.")
        #expect((seen["command"] as? String)?.hasPrefix("$ sh -c") == true, "\(seen)")
        let png = (try? Data(contentsOf: screenshot)) ?? Data()
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 10_000, "no screenshot")
        if let keep = ProcessInfo.processInfo.environment["RUNBOOK_BOARD_SCREENSHOT"], !keep.isEmpty {
            for (from, to) in [
                (screenshot.path, keep),
                (
                    screenshot.path.replacingOccurrences(of: ".png", with: "-present.png"),
                    keep.replacingOccurrences(of: ".png", with: "-present.png")
                ),
            ] {
                try? FileManager.default.removeItem(atPath: to)
                try FileManager.default.copyItem(atPath: from, toPath: to)
            }
        }
    }
}
