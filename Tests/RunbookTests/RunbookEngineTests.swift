import Foundation
import Testing

/// `runbook run` end to end on exec/sh steps: real processes, real files, no mocks (issue 3).
@Suite("runbook run: engine")
struct RunbookEngineTests {
    static let engineFixtures = RunbookBinary.fixtures.appendingPathComponent("engine")

    @Test("every matcher, capture, value, retry, finish_on_match, needs, when, verify, tty, timeout and cleanup")
    func features() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("features")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("results")
        let outcome = try await RunbookBinary.run(
            ["run", Self.engineFixtures.appendingPathComponent("features.yaml").path, "--var", "dir=\(scratch.path)", "--out", out.path])
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 1, "a failing step makes the run exit 1: \(outcome.stdout)\(outcome.stderr)")
        let results = try ResultsFile(directory: out)
        let statuses = results.statuses()
        let expected: [String: String] = [
            "matchers": "passed", "equals-fails": "failed", "capture": "passed", "use-capture": "passed", "values-threshold": "failed",
            "retry": "passed", "finish-early": "passed", "blocked": "blocked", "when-false": "skipped", "when-negated": "skipped",
            "when-gpu": "skipped", "skipped-need": "skipped", "verify-pass": "passed", "verify-fail": "failed", "tty": "passed",
            "timeout": "timeout", "literal-argument": "passed", "exit-list": "passed", "secret": "passed",
        ]
        #expect(statuses == expected)
        let steps = results.steps()
        #expect(steps["matchers"]?["captured"] as? [String: String] == ["number": "42"])
        let equalsFailure = (steps["equals-fails"]?["failures"] as? [[String: Any]])?.first
        #expect(equalsFailure?["matcher"] as? String == "stdout: equals")
        #expect(equalsFailure?["expected"] as? String == "hello world")
        #expect((steps["values-threshold"]?["reason"] as? String)?.contains("0.75") == true)
        #expect(steps["retry"]?["attempts"] as? Int == 2)
        #expect(steps["finish-early"]?["finishedOnMatch"] as? Bool == true)
        #expect((steps["finish-early"]?["durationSeconds"] as? Double ?? 99) < 10, "finish_on_match must not wait for sleep 30")
        #expect(steps["blocked"]?["reason"] as? String == "needs 'equals-fails', which failed")
        #expect(steps["when-gpu"]?["reason"] as? String == "no NVIDIA runtime on this engine")
        #expect(
            steps["skipped-need"]?["reason"] as? String == "no NVIDIA runtime on this engine", "a skipped need skips with the same reason")
        #expect((steps["verify-fail"]?["reason"] as? String)?.hasPrefix("verify 1:") == true)
        #expect((steps["timeout"]?["reason"] as? String)?.contains("timeout of 1s") == true)
        #expect(
            !FileManager.default.fileExists(atPath: scratch.appendingPathComponent("pwned").path), "a var's value is one literal argument")
        #expect(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("cleaned").path), "cleanup ran")

        // Secrets are redacted in everything stored or shown.
        let stored =
            try String(contentsOf: out.appendingPathComponent("results.json"), encoding: .utf8)
            + String(contentsOf: out.appendingPathComponent("journal.jsonl"), encoding: .utf8) + outcome.stdout + outcome.stderr
        #expect(!stored.contains("tok-3141592653"))
        #expect((steps["secret"]?["command"] as? [String: Any])?["display"] as? String == "echo 'token ***'")

        // The timed-out step's whole process group is gone.
        let pidText = try String(contentsOf: scratch.appendingPathComponent("timeout.pid"), encoding: .utf8)
        let group = try #require(Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(ProcessGroupProbe.livingMembers(of: group).isEmpty, "a process of group \(group) survived the timeout")

        // The journal has a run record, one record per step and cleanup item, and an end record.
        let journal = try ResultsFile.journal(directory: out)
        #expect(journal.first?["type"] as? String == "run")
        #expect(journal.filter { $0["type"] as? String == "step" }.count == expected.count)
        #expect(journal.filter { $0["type"] as? String == "cleanup" }.count == 2)
        #expect(journal.last?["type"] as? String == "end")
    }

    @Test("Ctrl-C in the middle of a long step: exit 130, cleanup ran, journal and results say interrupted")
    func interrupt() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("interrupt")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("results")
        let running = try RunbookBinary.start(
            ["run", Self.engineFixtures.appendingPathComponent("interrupt.yaml").path, "--var", "dir=\(scratch.path)", "--out", out.path],
            in: scratch)
        let started = scratch.appendingPathComponent("started").path
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: started) && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(FileManager.default.fileExists(atPath: started), "the long step never started")
        kill(running.pid, SIGINT)
        let outcome = await running.finish()
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 130, "\(outcome.stdout)\(outcome.stderr)")
        #expect(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("cleaned").path), "cleanup ran after Ctrl-C")
        let results = try ResultsFile(directory: out)
        #expect(results.statuses() == ["quick": "passed", "long": "interrupted", "after": "skipped"])
        #expect(results.steps()["after"]?["reason"] as? String == "interrupted")
        #expect(results.json["interrupted"] as? Bool == true)
        let journal = try ResultsFile.journal(directory: out)
        #expect(journal.contains { ($0["step"] as? [String: Any])?["status"] as? String == "interrupted" })
    }

    @Test("a step printing 1 GiB in 100-byte lines passes a count and a matches check")
    func gigabyte() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("flood")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("results")
        let outcome = try await RunbookBinary.run([
            "run", Self.engineFixtures.appendingPathComponent("flood.yaml").path, "--out", out.path, "--quiet",
        ])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        let step = try #require(ResultsFile(directory: out).steps()["flood"])
        #expect(step["captured"] as? [String: String] == ["accuracy": "0.990"])
        let excerpts = step["excerpts"] as? [String: Any]
        let stdout = excerpts?["stdout"] as? [String: Any]
        #expect(stdout?["totalLines"] as? Int == 10_737_418 + 10)
        #expect((stdout?["head"] as? String)?.utf8.count ?? 0 <= 64 * 1024, "the report keeps excerpts only")
    }

    @Test("exit statuses: --help 0, unknown flag 2, invalid runbook 2, missing required var 2")
    func exitStatuses() async throws {
        #expect(try await RunbookBinary.run(["run", "--help"]).status == 0)
        #expect(try await RunbookBinary.run(["run", "--no-such-flag"]).status == 2)
        let scratch = try RunbookBinary.temporaryDirectory("exits")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let features = Self.engineFixtures.appendingPathComponent("features.yaml").path
        let missingVar = try await RunbookBinary.run(["run", features, "--out", scratch.appendingPathComponent("a").path])
        #expect(missingVar.status == 2)
        #expect(missingVar.stderr.contains("var 'dir'") && missingVar.stderr.contains("required"), "\(missingVar.stderr)")
        let undeclared = try await RunbookBinary.run([
            "run", features, "--var", "dir=/tmp", "--var", "nope=1", "--out", scratch.appendingPathComponent("b").path,
        ])
        #expect(undeclared.status == 2)
        #expect(undeclared.stderr.contains("'nope' is not a var of this runbook"), "\(undeclared.stderr)")
        let unknownStep = try await RunbookBinary.run([
            "run", features, "--var", "dir=/tmp", "--only", "nope", "--out", scratch.appendingPathComponent("c").path,
        ])
        #expect(unknownStep.status == 2)
    }

    @Test("--only, --skip and --from mark unselected steps skipped, and their dependents too")
    func selection() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("selection")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("results")
        let outcome = try await RunbookBinary.run([
            "run", Self.engineFixtures.appendingPathComponent("features.yaml").path, "--var", "dir=\(scratch.path)", "--only",
            "capture,use-capture,matchers,equals-fails,blocked",
            "--skip", "equals-fails", "--out", out.path,
        ])
        #expect(outcome.status == 0, "\(outcome.stdout)")
        let results = try ResultsFile(directory: out)
        let statuses = results.statuses()
        #expect(statuses["capture"] == "passed" && statuses["use-capture"] == "passed" && statuses["matchers"] == "passed")
        #expect(statuses["equals-fails"] == "skipped" && statuses["retry"] == "skipped")
        #expect(statuses["blocked"] == "skipped", "a dependent of an unselected step is skipped, not blocked")
        #expect(results.steps()["blocked"]?["reason"] as? String == "not selected")
    }

    @Test("--fail-fast stops at the first failure; steps that never started are skipped")
    func failFast() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("failfast")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("results")
        let outcome = try await RunbookBinary.run([
            "run", Self.engineFixtures.appendingPathComponent("features.yaml").path, "--var", "dir=\(scratch.path)", "--fail-fast", "--out",
            out.path,
        ])
        #expect(outcome.status == 1)
        let results = try ResultsFile(directory: out)
        #expect(results.statuses()["equals-fails"] == "failed")
        #expect(results.statuses()["retry"] == "skipped")
        #expect(results.steps()["retry"]?["reason"] as? String == "fail-fast")
    }
}
