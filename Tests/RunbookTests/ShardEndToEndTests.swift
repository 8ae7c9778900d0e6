import Foundation
import Testing
import Workflow

/// SPEC 8 end to end: shards of a roster run as separate processes the way a Kubernetes Indexed
/// Job runs them (`JOB_COMPLETION_INDEX` + `RUNBOOK_TOTAL_SHARDS`), merged with
/// `runbook report --merge`, equal to the unsharded run; and every refusal, by name.
@Suite("Shards end to end")
struct ShardEndToEndTests {
    static let runbook = RunbookBinary.fixtures.appendingPathComponent("shards/shards.yaml")
    static let roster = RunbookBinary.fixtures.appendingPathComponent("shards/roster.yaml")
    /// No shard from the environment the tests run in.
    static let unsharded = ["RUNBOOK_SHARD": "", "JOB_COMPLETION_INDEX": "", "RUNBOOK_TOTAL_SHARDS": ""]

    /// Runs `runbook ARGUMENTS…` in `directory` with extra environment; never a crash.
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) async throws -> RunbookBinary.Outcome {
        let outcome = try await RunbookBinary.run(arguments, in: directory, environment: unsharded.merging(environment) { _, new in new })
        RunbookBinary.expectNoCrash(outcome)
        return outcome
    }

    /// Runs shard `index` (0-based, as Kubernetes numbers pods) of `total` into `DIR/shard-INDEX`; `roster` may be changed.
    static func shard(_ index: Int, of total: Int, in directory: URL, roster: URL = roster) async throws -> RunbookBinary.Outcome {
        try await run(
            ["run", runbook.path, "--learners", roster.path, "--out", "shard-\(index)", "--quiet"], in: directory,
            environment: ["JOB_COMPLETION_INDEX": "\(index)", "RUNBOOK_TOTAL_SHARDS": "\(total)"])
    }

    /// Each learner's steps as (step, status, reason, exit code, stdout), the parts a run decides.
    static func outcomes(_ results: RunResults) -> [String] {
        results.learners.flatMap { learner in
            learner.steps.map { step in
                "\(learner.id) \(learner.name ?? "-") \(step.step) \(step.status.rawValue) \(step.reason ?? "-") "
                    + "\(step.exitCode.map(String.init) ?? "-") \(step.excerpts?.stdout.head ?? "-") "
                    + "\(step.captured.sorted { $0.key < $1.key })"
            }
        }
    }

    @Test("three shards as three processes, merged: the same learners, steps and reports as one unsharded run")
    func shardsMergeIntoTheUnshardedRun() async throws {
        let dir = try RunbookBinary.temporaryDirectory("shards")
        defer { try? FileManager.default.removeItem(at: dir) }
        let whole = try await Self.run(["run", Self.runbook.path, "--learners", Self.roster.path, "--out", "whole", "--quiet"], in: dir)
        #expect(whole.status == 1, "cat's colour fails: \(whole.stderr)")
        for index in 0..<3 {
            let outcome = try await Self.shard(index, of: 3, in: dir)
            #expect(outcome.status == (index == 2 ? 1 : 0), "only the third shard holds cat: \(outcome.stdout)\(outcome.stderr)")
        }
        let journal = try ResultsFile.journal(directory: dir.appendingPathComponent("shard-1"))
        let shard = (journal.first?["run"] as? [String: Any])?["shard"] as? [String: Any]
        #expect(shard?["index"] as? Int == 2 && shard?["total"] as? Int == 3)
        #expect(shard?["learners"] as? [String] == ["bob", "eve"])
        #expect((shard?["rosterSha256"] as? String)?.count == 64)
        let results = try ResultsFile(directory: dir.appendingPathComponent("shard-1"))
        #expect(results.json["shard"] as? [String: Any] != nil, "results.json has it too")

        // Inputs of every kind: a results folder, a results.json, a journal.jsonl; in any order.
        let merge = try await Self.run(
            ["report", "shard-2/journal.jsonl", "shard-0", "shard-1/results.json", "--merge", "--expect-shards", "3", "-o", "merged.json"],
            in: dir)
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(merge.stdout.isEmpty)
        let merged = try ResultsLoader.load(path: dir.appendingPathComponent("merged.json").path)
        let unsharded = try ResultsLoader.load(path: dir.appendingPathComponent("whole").path)
        #expect(merged.learners.map(\.id) == ["ann", "bob", "cat", "dan", "eve", "fay", "gus"])
        #expect(Self.outcomes(merged) == Self.outcomes(unsharded))
        #expect(merged.steps == unsharded.steps)
        #expect(merged.runbook == unsharded.runbook)
        for format in ["csv", "md"] {
            let fromMerge = try await Self.run(["report", "merged.json", "--format", format], in: dir)
            let fromWhole = try await Self.run(["report", "whole", "--format", format], in: dir)
            // Run ids and durations differ between two runs; everything else must be the same.
            let body = { (text: String) in
                text.split(separator: "\n").filter { !$0.hasPrefix("run ") }.joined(separator: "\n")
                    .replacing(/after [0-9]+(\.[0-9]+)?(ms|s|m)/, with: "after N")
            }
            #expect(body(fromMerge.stdout) == body(fromWhole.stdout), "\(format) differs:\n\(fromMerge.stdout)\n---\n\(fromWhole.stdout)")
        }
        let toStandardOutput = try await Self.run(["report", "shard-0", "shard-1", "shard-2", "--merge", "--format", "csv"], in: dir)
        #expect(toStandardOutput.status == 0)
        #expect(toStandardOutput.stdout.hasPrefix("id,name,passed,total,greet,colour,after-colour\r\nann,Ann,3,3,"))
    }

    @Test("a missing, duplicated or foreign shard, another roster or runbook: exit 2, naming the culprit")
    func refusalsNameTheCulprit() async throws {
        let dir = try RunbookBinary.temporaryDirectory("shards")
        defer { try? FileManager.default.removeItem(at: dir) }
        for index in 0..<3 { _ = try await Self.shard(index, of: 3, in: dir) }
        let changedRoster = dir.appendingPathComponent("roster.yaml")
        let longer = try String(contentsOf: Self.roster, encoding: .utf8) + "  - { id: hal }\n"
        try longer.write(to: changedRoster, atomically: true, encoding: .utf8)
        let other = try RunbookBinary.temporaryDirectory("shards-other")
        defer { try? FileManager.default.removeItem(at: other) }
        _ = try await Self.shard(1, of: 3, in: other, roster: changedRoster)
        _ = try await Self.run(["run", Self.runbook.path, "--learners", Self.roster.path, "--out", "plain", "--quiet"], in: dir)

        let cases: [([String], String)] = [
            (["shard-0", "shard-2"], "runbook: error: shard 2/3 is missing\n"),
            (
                ["shard-0", "shard-1", "shard-2", "shard-1/journal.jsonl"],
                "runbook: error: shard 2/3 appears 2 times: shard-1, shard-1/journal.jsonl\n"
            ),
            (["shard-0", "shard-1"], "runbook: error: shard 3/3 is missing\n"),
            (["shard-0", "\(other.path)/shard-1", "shard-2"], "runbook: error: the shards dealt different rosters:\n"),
            (["shard-0", "shard-1", "shard-2", "plain"], "runbook: error: plain was not run with --shard"),
        ]
        for (inputs, message) in cases {
            let outcome = try await Self.run(["report"] + inputs + ["--merge", "--expect-shards", "3", "--format", "csv"], in: dir)
            #expect(outcome.status == 2, "\(inputs)")
            #expect(outcome.stderr.hasPrefix(message), "\(inputs): \(outcome.stderr)")
            #expect(outcome.stdout.isEmpty)
        }
        let four = try await Self.run(["report", "shard-0", "shard-1", "shard-2", "--merge", "--expect-shards", "4"], in: dir)
        #expect(four.stderr == "runbook: error: shard-0 is shard 1/3, but 4 shards are expected\n")
    }

    @Test("a learner in two shards, a runbook that differs, a learner without results: refused, refused, shown as not run")
    func handMadeShards() async throws {
        let dir = try RunbookBinary.temporaryDirectory("shards")
        defer { try? FileManager.default.removeItem(at: dir) }
        for index in 0..<2 { _ = try await Self.shard(index, of: 2, in: dir) }
        var second = try ResultsLoader.load(path: dir.appendingPathComponent("shard-1").path)
        var overlapping = second
        overlapping.shard?.learners.append("ann")
        try overlapping.write(to: dir.appendingPathComponent("overlap.json").path)
        let overlap = try await Self.run(["report", "shard-0", "overlap.json", "--merge", "--expect-shards", "2"], in: dir)
        #expect(overlap.status == 2)
        #expect(overlap.stderr == "runbook: error: learner ann is in two shards: 1/2 (shard-0) and 2/2 (overlap.json)\n")

        var otherRunbook = second
        otherRunbook.runbook.sha256 = String(repeating: "e", count: 64)
        try otherRunbook.write(to: dir.appendingPathComponent("other-runbook.json").path)
        let runbooks = try await Self.run(["report", "shard-0", "other-runbook.json", "--merge"], in: dir)
        #expect(runbooks.status == 2)
        #expect(runbooks.stderr.hasPrefix("runbook: error: the shards ran different runbooks:\n"))
        #expect(runbooks.stderr.contains("other-runbook.json: "), "\(runbooks.stderr)")

        // The second shard's pod died before its first learner finished a step.
        second.learners[0].steps = []
        try second.write(to: dir.appendingPathComponent("crashed.json").path)
        let csv = try await Self.run(["report", "shard-0", "crashed.json", "--merge", "--format", "csv"], in: dir)
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.contains("bob,Bob,0,3,not run,not run,not run\r\n"), "\(csv.stdout)")
        let markdown = try await Self.run(["report", "shard-0", "crashed.json", "--merge", "--format", "md"], in: dir)
        #expect(markdown.stdout.contains("| bob | Bob | · | · | · | not run |"), "\(markdown.stdout)")
        #expect(markdown.stdout.contains("**Not run:** bob: shard 2/2 recorded no result for this learner"))
        let junit = try await Self.run(["report", "shard-0", "crashed.json", "--merge", "--format", "junit"], in: dir)
        #expect(junit.stdout.contains("<skipped message=\"not run: shard 2/2 recorded no result for this learner\"/>"))
        let tap = try await Self.run(["report", "shard-0", "crashed.json", "--merge", "--format", "tap"], in: dir)
        #expect(tap.stdout.contains("ok 4 - bob: greet # SKIP not run: shard 2/2 recorded no result for this learner\n"), "\(tap.stdout)")
        let json = try await Self.run(["report", "shard-0", "crashed.json", "--merge"], in: dir)
        let bob = (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            .flatMap { ($0["learners"] as? [[String: Any]])?.first { $0["id"] as? String == "bob" } }
        #expect(bob?["notRun"] as? String == "shard 2/2 recorded no result for this learner")
        #expect((bob?["steps"] as? [Any])?.isEmpty == true)
    }

    @Test("--shard without a roster, a bad I/N, --shard with --learner, --expect-shards without --merge: exit 2")
    func usageErrors() async throws {
        let dir = try RunbookBinary.temporaryDirectory("shards")
        defer { try? FileManager.default.removeItem(at: dir) }
        let noRoster = try await Self.run(["run", Self.runbook.path, "--shard", "1/2"], in: dir)
        #expect(noRoster.status == 2)
        #expect(noRoster.stderr.hasSuffix("runbook: error: --shard 1/2: a shard needs a roster to deal; give --learners FILE\n"))
        let fromEnvironment = try await Self.run(["check", Self.runbook.path], in: dir, environment: ["RUNBOOK_SHARD": "2/2"])
        #expect(fromEnvironment.status == 2)
        #expect(
            fromEnvironment.stderr.hasSuffix("runbook: error: RUNBOOK_SHARD=2/2: a shard needs a roster to deal; give --learners FILE\n"))
        let selftest = try await Self.run(
            ["selftest", Self.runbook.path], in: dir, environment: ["JOB_COMPLETION_INDEX": "0", "RUNBOOK_TOTAL_SHARDS": "2"])
        #expect(selftest.status == 2)
        #expect(selftest.stderr.contains("JOB_COMPLETION_INDEX=0 with RUNBOOK_TOTAL_SHARDS=2: a shard needs a roster"))
        for bad in ["3/2", "0/2", "2", "x/y"] {
            let outcome = try await Self.run(["run", Self.runbook.path, "--learners", Self.roster.path, "--shard", bad], in: dir)
            #expect(outcome.status == 2, "--shard \(bad)")
            #expect(outcome.stderr.contains("runbook: error: --shard \(bad): "), "\(outcome.stderr)")
        }
        let withLearner = try await Self.run(
            ["run", Self.runbook.path, "--learners", Self.roster.path, "--learner", "ann", "--shard", "1/2"], in: dir)
        #expect(withLearner.status == 2)
        #expect(withLearner.stderr.contains("cannot be combined with --learner"))
        let expectAlone = try await Self.run(["report", "x.json", "--format", "md", "--expect-shards", "2"], in: dir)
        #expect(expectAlone.status == 2)
        #expect(expectAlone.stderr.contains("--expect-shards goes with --merge"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("runbook-results").path), "nothing ran")
    }

    @Test("selftest with a roster proves each learner's shard")
    func selftestShards() async throws {
        let dir = try RunbookBinary.temporaryDirectory("shards")
        defer { try? FileManager.default.removeItem(at: dir) }
        let outcome = try await Self.run(
            ["selftest", Self.runbook.path, "--learners", Self.roster.path, "--shard", "3/3", "--out", "selftest"], in: dir)
        let results = try ResultsFile(directory: dir.appendingPathComponent("selftest"))
        #expect(results.learners.map { $0["id"] as? String } == ["cat", "fay"], "\(outcome.stdout)\(outcome.stderr)")
        #expect((results.json["shard"] as? [String: Any])?["index"] as? Int == 3)
    }
}
