import Foundation
import Testing

/// A learner with nothing but Docker (SPEC 10.1, 10.3): `serve` in a container of the image, a
/// guide in another one, driven through a terminal, starting from an empty folder.
@Suite(
    "the image guides a learner from an empty folder", .serialized,
    .enabled(if: RunbookImage.shouldRun && TmuxScreen.isAvailable, RunbookImage.why))
struct ImageGuideTests {
    /// The workshop the board hands out: three quick steps, one reading a file of the bundle.
    static let runbook = """
        runbook: 1
        title: Guided in a container
        steps:
          - id: read
            say: Read the file that came with the workshop.
            exec: [cat, src/hello.txt]
            expect: { stdout: { contains: hello } }
          - id: two
            exec: [echo, two]
            expect: { stdout: { contains: two } }
          - id: three
            exec: [echo, three]
            expect: { stdout: { contains: three } }

        """

    @Test("bundle downloaded, steps journaled on the board, resumed after the container is gone: nothing repeated, lost or doubled")
    func guideJoinedToServe() async throws {
        try RunbookImage.require()
        let scratch = DockerScratch()
        defer { scratch.removeAll() }
        let workshop = try RunbookImage.folder("image-board")
        let learnerFolder = try RunbookImage.folder("image-learner")
        defer {
            try? FileManager.default.removeItem(at: workshop)
            try? FileManager.default.removeItem(at: learnerFolder)
        }
        try FileManager.default.createDirectory(at: workshop.appendingPathComponent("src"), withIntermediateDirectories: true)
        try Data(Self.runbook.utf8).write(to: workshop.appendingPathComponent("workshop.yaml"))
        try Data("hello\n".utf8).write(to: workshop.appendingPathComponent("src/hello.txt"))
        try RunbookImage.chownTree(workshop)
        let board = scratch.name("board")
        let code = "test-class-\(scratch.suffix)"
        // The board and the guide on a network of the test's own, the board known by its name there: inside a
        // container, serve cannot know the address learners reach it at, so it is given (--public-url).
        let network = scratch.name("class")
        try await scratch.docker(["network", "create", network])
        scratch.madeNetwork(network)
        scratch.madeContainer(board)
        try await scratch.docker(
            [
                "run", "-d", "--name", board, "--network", network, "-v", "\(workshop.path):\(workshop.path)", "-w", workshop.path,
                RunbookImage.name, "serve", "--listen", "0.0.0.0:8080", "--public-url", "http://\(board):8080", "--store", "store",
                "--code", code,
            ])
        let join = "http://\(board):8080/join/\(code)"
        try await Self.waitForBoard(scratch, board)

        // First session: the bundle is fetched into ./guided-in-a-container/, step 1 passes, then q.
        let guide = RunbookImage.command(
            ["guide", "--join", join, "--learner", "ada"], in: learnerFolder, extra: ["-it", "--network", network])
        var screen = try await TmuxScreen(guide, in: learnerFolder, columns: 90, rows: 30)
        let first = try await screen.waitFor("unpacked into ./guided-in-a-container/", "Step 1 of 3", timeout: .seconds(60))
        // The terminal's size reaches the guide in the container: its step rule spans the 90 columns (less one).
        let rule =
            first.split(separator: "\n").first { $0.hasPrefix("── Step 1 of 3") }.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        #expect(rule.count == 89, "the step's rule: \(rule)")
        try await screen.send("Enter")
        try await screen.waitFor("Step 2 of 3")
        try await screen.send("q")
        #expect(try await screen.waitForExit() == 0)

        // The container is gone; the second session resumes at step 2 without fetching again.
        screen = try await TmuxScreen(guide, in: learnerFolder, columns: 90, rows: 30)
        let resumed = try await screen.waitFor("Resuming at step 2 of 3", timeout: .seconds(60))
        #expect(!resumed.contains("fetching the workshop"))
        try await screen.send("Enter")
        try await screen.waitFor("Step 3 of 3")
        try await screen.send("Enter")
        #expect(try await screen.waitForExit(timeout: .seconds(60)) == 0)

        // On the board: each step once, sequence numbers without gaps or repeats.
        let journal = try String(contentsOf: workshop.appendingPathComponent("store/ada.jsonl"), encoding: .utf8)
        let records = journal.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let seqs = records.compactMap { $0["seq"] as? Int }
        #expect(seqs == Array(1...seqs.count), "seq \(seqs)")
        // A resumed guide journals the earlier results again in its new run: the same results, not new runs of the steps.
        var runs: [[String: Any]] = []
        var passed: [String: [Date]] = [:]
        let dates = ISO8601DateFormatter()
        dates.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for record in records {
            if record["type"] as? String == "run" { runs.append([:]) }
            guard record["type"] as? String == "step", let result = record["step"] as? [String: Any],
                result["status"] as? String == "passed",
                let step = result["step"] as? String
            else { continue }
            #expect(runs.last?[step] == nil, "\(step) passed twice in one run")
            if !runs.isEmpty { runs[runs.count - 1][step] = true }
            passed[step, default: []].append(dates.date(from: result["startedAt"] as? String ?? "") ?? .distantPast)
        }
        #expect(runs.count == 2)
        #expect(passed.keys.sorted() == ["read", "three", "two"], "passed on the board: \(passed.keys.sorted())")
        // The same result journaled again keeps its start (the guide's state keeps it to about the millisecond);
        // a step run again would start seconds later, in the second container.
        let spreads = passed.mapValues { ($0.max() ?? .distantPast).timeIntervalSince($0.min() ?? .distantPast) }
        #expect(spreads.values.allSatisfy { $0 < 1 }, "a step ran again: \(passed)")
        #expect(RunbookImage.notOwned(in: learnerFolder).isEmpty, "owned by someone else: \(RunbookImage.notOwned(in: learnerFolder))")
        #expect(FileManager.default.fileExists(atPath: learnerFolder.appendingPathComponent("guided-in-a-container/src/hello.txt").path))
    }

    /// Waits until the board's container printed its join line.
    static func waitForBoard(_ scratch: DockerScratch, _ board: String) async throws {
        for _ in 0..<200 {
            if try await scratch.docker(["logs", board]).contains("join: ") { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the board never printed its join line: \(try await scratch.docker(["logs", board]))")
    }
}
