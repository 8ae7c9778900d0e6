import Foundation
import Testing

/// The class board end to end (issue 12, SPEC 7): the built binary serving, learners' runs and a
/// guide publishing to it, the server killed and restarted, hostile clients.
@Suite("class board end to end", .serialized)
struct BoardEndToEndTests {
    static let classRunbook = RunbookBinary.fixtures.appendingPathComponent("board/class.yaml")
    static let heldRunbook = RunbookBinary.fixtures.appendingPathComponent("board/held.yaml")
    static let roster = RunbookBinary.fixtures.appendingPathComponent("board/roster.yaml")

    /// Polls `condition` every 100 ms until it holds or `limit` passes; returns whether it held.
    static func eventually(_ limit: Duration = .seconds(20), _ condition: () async throws -> Bool) async throws -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while clock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await condition()
    }

    /// The seqs stored for `learner`, in file order.
    static func storedSeqs(_ store: URL, _ learner: String) throws -> [Int] {
        let text = try String(contentsOf: store.appendingPathComponent("\(learner).jsonl"), encoding: .utf8)
        return text.split(separator: "\n").map { line in
            ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])?["seq"] as? Int ?? -1
        }
    }

    /// How many records of the run's journal belong to `learner` (its run and end records included).
    static func journaledCount(_ results: URL, _ learner: String) throws -> Int {
        try ResultsFile.journal(directory: results).filter { record in
            switch record["type"] as? String {
            case "run", "end": return true
            default:
                let payload = record[record["type"] as? String ?? ""] as? [String: Any]
                return payload?["learner"] as? String == learner
            }
        }.count
    }

    @Test("five learners publish a run: the board's matrix is their results.json")
    func fiveLearnersPublishARun() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("board-five")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let serve = try await ServeProcess(
            [
                Self.classRunbook.path, "--learners", Self.roster.path, "--listen", "127.0.0.1:0", "--store",
                scratch.appendingPathComponent("store").path,
            ],
            in: scratch)
        defer { serve.stopInBackground() }
        let results = scratch.appendingPathComponent("results")
        let outcome = try await RunbookBinary.run(
            [
                "run", Self.classRunbook.path, "--learners", Self.roster.path, "--jobs", "5", "--publish", serve.joinURL, "--out",
                results.path,
            ],
            in: scratch, environment: ["XDG_STATE_HOME": scratch.appendingPathComponent("state").path])
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 1, "eve fails picky: \(outcome.stderr)")
        #expect(!outcome.stderr.contains("board:"), "everything was published: \(outcome.stderr)")
        let file = try ResultsFile(directory: results)
        let expected = Dictionary(uniqueKeysWithValues: ["ada", "bob", "carol", "dan", "eve"].map { ($0, file.statuses(of: $0)) })
        #expect(expected["eve"]?["picky"] == "failed")
        #expect(try await serve.statuses() == expected)
        let rows = try await serve.matrix()["learners"] as? [[String: Any]] ?? []
        #expect(rows.map { $0["id"] as? String } == ["ada", "bob", "carol", "dan", "eve"], "roster order")
        #expect(rows.first?["name"] as? String == "Ada Lovelace")
        for learner in ["ada", "eve"] {
            let count = try Self.journaledCount(results, learner)
            #expect(try Self.storedSeqs(scratch.appendingPathComponent("store"), learner) == Array(1...count))
        }
    }

    @Test("the board killed mid-run and restarted on its store: the run finishes and every record is stored once")
    func boardKilledMidRunAndRestarted() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("board-restart")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let store = scratch.appendingPathComponent("store")
        let release = scratch.appendingPathComponent("release")
        let arguments = [
            Self.heldRunbook.path, "--listen", "127.0.0.1:\(ServeProcess.freePort())", "--store", store.path, "--code", "held-class-01",
        ]
        let first = try await ServeProcess(arguments, in: scratch)
        let results = scratch.appendingPathComponent("results")
        // The run waits at its step `held` until the test creates `release`: it is surely still
        // running while the board is down, however slow the machine (no timing involved).
        let run = try RunbookBinary.start(
            [
                "run", Self.heldRunbook.path, "--learners", Self.roster.path, "--learner", "ada,bob", "--jobs", "2", "--publish",
                first.joinURL, "--var", "release=\(release.path)", "--out", results.path,
            ],
            in: scratch, environment: ["XDG_STATE_HOME": scratch.appendingPathComponent("state").path])
        #expect(try await Self.eventually { (try? Self.storedSeqs(store, "ada").count) ?? 0 >= 3 }, "records reach the board")
        await first.stop(SIGKILL)
        #expect(run.isRunning, "the run goes on without the board")
        let second = try await ServeProcess(arguments, in: scratch)
        defer { second.stopInBackground() }
        #expect(second.joinURL == first.joinURL && second.token == first.token, "same store: same code, same tokens")
        #expect(FileManager.default.createFile(atPath: release.path, contents: Data()))
        let outcome = await run.finish()
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(!outcome.stderr.contains("board:"), "the outbox was flushed before the run exited: \(outcome.stderr)")
        let file = try ResultsFile(directory: results)
        for learner in ["ada", "bob"] {
            let count = try Self.journaledCount(results, learner)
            #expect(count == 13, "run, the learner's ports and folder, five steps with their start records, end")
            #expect(try Self.storedSeqs(store, learner) == Array(1...count), "\(learner): every record once, in order")
            #expect(try await second.statuses()[learner] == file.statuses(of: learner))
        }
    }

    @Test("hostile clients: wrong code or token 401, 2 MiB 413, another learner, step or runbook 400 with nothing stored; names escaped")
    func hostileClients() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("board-hostile")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let serve = try await ServeProcess([Self.classRunbook.path, "--listen", "127.0.0.1:0"], in: scratch)
        var stopped = false
        defer { if !stopped { serve.stopInBackground() } }
        let sha = try #require((try await serve.matrix()["runbook"] as? [String: Any])?["sha256"] as? String)
        let store = scratch.appendingPathComponent("runbook-class/\(sha.prefix(12))")
        #expect(FileManager.default.fileExists(atPath: store.appendingPathComponent("secret").path), "the default store")
        let joinPage = try await Curl.get(serve.joinURL)
        #expect(joinPage.status == 200 && joinPage.body.contains("runbook guide --join \(serve.joinURL) --learner"), "\(joinPage.body)")
        #expect(try await Curl.get("\(serve.origin)/join/not-the-code").status == 401)
        let join = { (code: String, learner: String) async throws in
            try await Curl.post("\(serve.origin)/api/v1/join", body: Data("{\"code\":\"\(code)\",\"learner\":\"\(learner)\"}".utf8))
        }
        #expect(try await join("not-the-code", "mallory").status == 401)
        #expect(try await join(serve.code, "Mallory!").status == 400)
        let token = try await join(serve.code, "mallory").json["token"] as? String ?? ""
        #expect(!token.isEmpty)
        let evil = "<script>alert('board')</script>"
        func header(learner: String = "mallory", sha: String = sha, seq: Int = 1) -> String {
            """
            {"seq":\(seq),"type":"run","run":{"runId":"20270101t000000-abcd","command":"guide","startedAt":"2027-01-01T00:00:00.000Z",\
            "runbook":{"path":"class.yaml","sha256":"\(sha)"},"learners":[{"id":"\(learner)","name":"\(evil)"}],"steps":[{"id":"hello"}]}}
            """
        }
        func step(learner: String = "mallory", step: String = "hello", seq: Int = 2) -> String {
            """
            {"seq":\(seq),"type":"step","step":{"learner":"\(learner)","step":"\(step)","status":"passed",\
            "endedAt":"2027-01-01T00:00:01.000Z","durationSeconds":0.1,"attempts":1,"failures":[],"captured":{},\
            "finishedOnMatch":false,"verify":[]}}
            """
        }
        let journal = "\(serve.origin)/api/v1/journal"
        #expect(try await Curl.post(journal, body: Data(header().utf8), bearer: "l.mallory.forged").status == 401)
        #expect(try await Curl.post(journal, body: Data(header().utf8), bearer: serve.token).status == 401)
        #expect(try await Curl.post(journal, body: Data(repeating: 0x20, count: 2 << 20), bearer: token).status == 413)
        let refused = [
            header() + "\n" + step(learner: "bob"),
            header() + "\n" + step(step: "no-such-step"),
            header() + "\n{\"seq\":2,\"type\":\"step\",\"step\":",
        ]
        for body in refused {
            let reply = try await Curl.post(journal, body: Data(body.utf8), bearer: token)
            #expect(reply.status == 400, "\(reply.body)")
        }
        #expect(
            !FileManager.default.fileExists(atPath: store.appendingPathComponent("mallory.jsonl").path),
            "nothing of any refused batch stored")
        let other = try await Curl.post(journal, body: Data(header(sha: String(repeating: "0", count: 64)).utf8), bearer: token)
        #expect(other.status == 200 && (other.json["refused"] as? [[String: Any]])?.first?["from"] as? Int == 1, "\(other.body)")
        #expect(
            !FileManager.default.fileExists(atPath: store.appendingPathComponent("mallory.jsonl").path),
            "a run of another runbook is acknowledged, never stored")
        let stored = try await Curl.post(journal, body: Data((header(seq: 2) + "\n" + step(seq: 3)).utf8), bearer: token)
        #expect(stored.json["acked"] as? Int == 3, "\(stored.body)")
        #expect(try await Curl.get("\(serve.origin)/").status == 401)
        let page = try await Curl.get(serve.origin + "/", bearer: serve.token)
        #expect(page.status == 200)
        #expect(!page.body.contains(serve.token), "no token in the page")
        #expect(!page.body.contains(evil))
        #expect(page.body.contains("&lt;script&gt;alert(&#39;board&#39;)&lt;/script&gt;"))
        #expect(page.body.contains("\\u003cscript\\u003ealert('board')\\u003c/script\\u003e"), "the page's data escapes it too")
        let report = try await Curl.get("\(serve.origin)/report.html?token=\(serve.token)")
        #expect(report.status == 200 && !report.body.contains(evil))
        stopped = true
        let ended = await serve.stop(SIGINT)
        #expect(ended.status == 0, "Ctrl-C stops the server cleanly: \(ended.stderr)")
        #expect(ended.stdout == "board: \(serve.boardURL)\njoin: \(serve.joinURL)\n", "exactly the two lines")
    }

    @Test(
        "a guide with --join: its steps and a raised hand appear on the board",
        .enabled(if: TmuxScreen.isAvailable || DockerAvailability.inCI))
    func guideJoinsTheBoard() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("board-guide")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let runbook = GuideCommandTests.fixture
        let serve = try await ServeProcess(
            [runbook.path, "--listen", "127.0.0.1:0", "--store", scratch.appendingPathComponent("store").path], in: scratch)
        defer { serve.stopInBackground() }
        let screen = try await TmuxScreen(
            [
                RunbookBinary.url.path, "guide", runbook.path, "--var", "dir=\(scratch.path)", "--out",
                scratch.appendingPathComponent("results").path,
                "--join", serve.joinURL, "--learner", "ada",
            ],
            in: scratch, environment: ["XDG_STATE_HOME": scratch.appendingPathComponent("state").path, "NO_COLOR": "1"])
        try await screen.waitFor("Step 1 of 4 · hello")
        try await screen.send("Enter")
        try await screen.waitFor("✓ Passed", "Step 2 of 4 · make-file")
        try await screen.send("h")
        try await screen.waitFor("Hand raised")
        let seen = try await Self.eventually {
            let row = (try await serve.matrix()["learners"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "ada" }
            return (row?["hand"] as? [String: Any])?["step"] as? String == "make-file"
                && ((row?["steps"] as? [String: Any])?["hello"] as? [String: Any])?["status"] as? String == "passed"
        }
        let matrix = (try? await serve.matrix()) ?? [:]
        #expect(seen, "the board shows hello passed and ada's hand on make-file: \(matrix)")
        try await screen.send("q")
        #expect(try await screen.waitForExit() == 0)
        #expect(try await serve.statuses()["ada"] == ["hello": "passed"], "steps never reached are not run, never skipped")
        let row = (try await serve.matrix()["learners"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "ada" }
        #expect(row?["stuck"] as? String == "left at make-file", "a learner who quit is flagged where they left")
    }
}
