import Foundation
import Testing

/// Timings from a real class (SPEC 11.3, 11.1): three learners go through a lesson in
/// `runbook guide --join` against a real `runbook serve`; the board's cell keeps the hints one of
/// them saw; `report --timings` of the board's store counts all three; a second board with
/// `serve --timings` flags a learner who stays on a step longer than the room's median.
@Suite("a class's timings on a real board", .serialized, .enabled(if: TmuxScreen.isAvailable || DockerAvailability.inCI, "needs tmux"))
struct ClassTimingsEndToEndTests {
    static let lesson = RunbookBinary.fixtures.appendingPathComponent("board/lesson.yaml")

    /// `runbook guide --join` for `learner` in their own folder under `scratch`.
    static func guide(_ learner: String, _ serve: ServeProcess, in scratch: URL, session: String = "1") async throws -> TmuxScreen {
        let folder = scratch.appendingPathComponent(learner)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try await TmuxScreen(
            [
                RunbookBinary.url.path, "guide", lesson.path, "--var", "dir=\(folder.path)", "--out",
                folder.appendingPathComponent("results-\(session)").path, "--join", serve.joinURL, "--learner", learner,
            ],
            in: folder, environment: ["XDG_STATE_HOME": folder.appendingPathComponent("state").path, "NO_COLOR": "1"])
    }

    /// The matrix row of `learner`.
    static func row(_ serve: ServeProcess, _ learner: String) async throws -> [String: Any]? {
        await (try serve.matrix()["learners"] as? [[String: Any]] ?? []).first { $0["id"] as? String == learner }
    }

    @Test func threeLearnersThenTimingsThenABoardThatKnowsThem() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("class-timings")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let store = scratch.appendingPathComponent("store")
        let serve = try await ServeProcess([Self.lesson.path, "--listen", "127.0.0.1:0", "--store", store.path], in: scratch)
        defer { serve.stopInBackground() }

        // ada and bea go straight through; cy fails `make` once (hint 1 and the why), then makes the file.
        for learner in ["ada", "bea", "cy"] {
            let screen = try await Self.guide(learner, serve, in: scratch)
            try await screen.waitFor("Step 1 of 3 · hello")
            try await screen.send("Enter")
            try await screen.waitFor("Step 2 of 3 · make")
            if learner == "cy" {
                try await screen.send("Enter")
                let failed = try await screen.waitFor("✗ Failed", "hint 1 of 2: The file is called")
                #expect(failed.contains("The file made should exist in your folder."))
                #expect(!failed.contains("touch made"), "one hint at a time")
            }
            #expect(FileManager.default.createFile(atPath: scratch.appendingPathComponent("\(learner)/made").path, contents: Data()))
            try await screen.send("Enter")
            try await screen.waitFor("Step 3 of 3 · bye")
            try await screen.send("Enter")
            #expect(try await screen.waitForExit() == 0)
        }
        let allPassed = try await BoardEndToEndTests.eventually {
            let statuses = try await serve.statuses()
            return ["ada", "bea", "cy"].allSatisfy { statuses[$0] == ["hello": "passed", "make": "passed", "bye": "passed"] }
        }
        let statuses = (try? await serve.statuses()) ?? [:]
        #expect(allPassed, "\(statuses)")
        let cell = await ((try Self.row(serve, "cy"))?["steps"] as? [String: [String: Any]])?["make"]
        #expect(cell?["hintsShown"] as? Int == 1, "the board's cell keeps the hint cy saw: \(cell ?? [:])")
        await #expect(((try Self.row(serve, "ada"))?["steps"] as? [String: [String: Any]])?["make"]?["hintsShown"] == nil)

        // The instructor's timings, from the board's store and from the learners' own results.
        let timings = scratch.appendingPathComponent("timings.json")
        let report = try await RunbookBinary.run(["report", "--timings", store.path, "-o", timings.path], in: scratch)
        #expect(report.status == 0, "\(report.stderr)")
        let list = try JSONSerialization.jsonObject(with: Data(contentsOf: timings)) as? [[String: Any]] ?? []
        #expect(list.map { $0["step"] as? String } == ["hello", "make", "bye"])
        #expect(list.map { $0["n"] as? Int } == [3, 3, 3], "\(list)")
        #expect(list.allSatisfy { ($0["medianSeconds"] as? Double).map { $0 >= 0 } ?? false && $0["p90Seconds"] is Double })
        let own = try await RunbookBinary.run(
            ["report", "--timings"] + ["ada", "bea", "cy"].map { scratch.appendingPathComponent("\($0)/results-1").path }, in: scratch)
        let ownList = try JSONSerialization.jsonObject(with: Data(own.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(ownList.map { $0["n"] as? Int } == [3, 3, 3], "the learners' own journals tell the same: \(own.stdout)\(own.stderr)")

        // A second class on a board that knows the timings: dan stays on `hello` (the room took a
        // moment) and shows as behind the room's median; the page counts him.
        let secondStore = scratch.appendingPathComponent("store-2").path
        let second = try await ServeProcess(
            [Self.lesson.path, "--listen", "127.0.0.1:0", "--store", secondStore, "--timings", timings.path], in: scratch)
        defer { second.stopInBackground() }
        let medians = await (try second.matrix()["steps"] as? [[String: Any]] ?? []).map { $0["medianSeconds"] as? Double }
        #expect(medians.allSatisfy { $0 != nil }, "\(medians)")
        let dan = try await Self.guide("dan", second, in: scratch)
        try await dan.waitFor("Step 1 of 3 · hello")
        let behind = try await BoardEndToEndTests.eventually(.seconds(30)) {
            try await Self.row(second, "dan")?["behind"] as? String != nil
        }
        let danRow = (try? await Self.row(second, "dan")) ?? [:]
        #expect(behind, "dan is behind: \(danRow)")
        await #expect((try Self.row(second, "dan")?["behind"] as? String)?.hasPrefix("on hello for ") == true)
        let page = try await Curl.get(second.origin + "/", bearer: second.token).body
        #expect(page.contains("<b data-count=\"behind\">1</b> behind the room's median"), "\(page.prefix(3000))")
        try await dan.send("q")
        _ = try await dan.waitForExit()
        let refused = try await RunbookBinary.run(
            [
                "serve", Self.lesson.path, "--listen", "127.0.0.1:0", "--store", scratch.appendingPathComponent("store-3").path,
                "--timings", Self.lesson.path,
            ], in: scratch)
        #expect(refused.status == 2 && refused.stderr.contains("not the JSON of `runbook report --timings`"), "\(refused.stderr)")
    }
}
