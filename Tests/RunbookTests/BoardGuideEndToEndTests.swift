import Foundation
import Testing

/// The learner's side of the class board in a real terminal (SPEC 7.1): the guide's status line
/// follows the board going down and coming back, `h` says "hand raised" only once the board has
/// it, and a refused join is said before the first step.
@Suite(
    "class board from the guide, end to end", .serialized, .enabled(if: TmuxScreen.isAvailable || DockerAvailability.inCI, "needs tmux"))
struct BoardGuideEndToEndTests {
    /// The guide of the fixture joined to `joinURL` as ada, in tmux.
    static func guide(_ scratch: URL, joinURL: String) async throws -> TmuxScreen {
        try await TmuxScreen(
            [
                RunbookBinary.url.path, "guide", GuideCommandTests.fixture.path, "--var", "dir=\(scratch.path)", "--out",
                scratch.appendingPathComponent("results").path, "--join", joinURL, "--learner", "ada",
            ],
            in: scratch, environment: ["XDG_STATE_HOME": scratch.appendingPathComponent("state").path, "NO_COLOR": "1"])
    }

    /// The last `board:` status line on `screen`.
    static func lastBoardLine(_ screen: String) -> String {
        String(screen.split(separator: "\n").last { $0.contains("board: ") } ?? "")
    }

    @Test("the status line follows the board down and back; a hand is raised only once the board has it")
    func liveBoardState() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("board-guide-live")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let arguments = [
            GuideCommandTests.fixture.path, "--listen", "127.0.0.1:\(ServeProcess.freePort())", "--store",
            scratch.appendingPathComponent("store").path, "--code", "live-class-01",
        ]
        let first = try await ServeProcess(arguments, in: scratch)
        let screen = try await Self.guide(scratch, joinURL: first.joinURL)
        var shown = try await screen.waitFor("board: joined as ada", "Step 1 of 4 · hello", "h raise hand")
        #expect(shown.contains("Enter run it · c check · s skip · h raise hand · q quit · ? help"), "h is on the keys line:\n\(shown)")

        await first.stop(SIGKILL)
        try await screen.send("Enter")
        shown = try await screen.waitFor("Step 2 of 4 · make-file", "board unreachable since", timeout: .seconds(30))
        #expect(Self.lastBoardLine(shown).contains("waiting"), "records wait while it is down:\n\(shown)")
        try await screen.send("h")
        shown = try await screen.waitFor("Your hand is not on the board yet", timeout: .seconds(30))
        #expect(!shown.contains("Hand raised"), "never 'raised' while the board does not have it")

        let second = try await ServeProcess(arguments, in: scratch)
        defer { second.stopInBackground() }
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(90)
        while await !Self.lastBoardLine(screen.capture()).contains("joined as ada"), clock.now < deadline {
            try await Task.sleep(for: .milliseconds(200))
        }
        let back = await screen.capture()
        #expect(Self.lastBoardLine(back).contains("joined as ada"), "back on the board:\n\(back)")
        try await screen.send("h")
        try await screen.waitFor("Hand raised: the instructor sees it", timeout: .seconds(30))
        let row = await (try second.matrix()["learners"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "ada" }
        #expect((row?["hand"] as? [String: Any])?["step"] as? String == "make-file")
        try await screen.send("q")
        #expect(try await screen.waitForExit() == 0)
        await #expect(!screen.capture().contains("on the board yet; the next command"), "nothing left undelivered at exit")
        await #expect(try second.statuses()["ada"] == ["hello": "passed"])
    }

    @Test("a wrong class code is said before the first step, with what to do")
    func refusedJoin() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("board-guide-refused")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let serve = try await ServeProcess(
            [GuideCommandTests.fixture.path, "--listen", "127.0.0.1:0", "--store", scratch.appendingPathComponent("store").path],
            in: scratch)
        defer { serve.stopInBackground() }
        let screen = try await Self.guide(scratch, joinURL: serve.origin + "/join/not-the-class-code")
        let shown = try await screen.waitFor("The class board refuses you: wrong class code", "Step 1 of 4 · hello")
        let refusal = try #require(shown.range(of: "refuses you"))
        let step = try #require(shown.range(of: "Step 1 of 4"))
        #expect(refusal.lowerBound < step.lowerBound, "before the first step:\n\(shown)")
        #expect(shown.contains("check the --join URL"))
        try await screen.send("q")
        _ = try await screen.waitForExit()
    }
}
