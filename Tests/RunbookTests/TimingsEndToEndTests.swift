import Foundation
import Testing

/// `runbook report --timings`, `runbook docs --timings` end to end (SPEC 11.3), on journals with
/// known times (Fixtures/timings): two guide sessions of one learner with 28 idle minutes between
/// them, a run, a board's store with a 15-minute build and a raised hand.
@Suite("runbook report --timings and docs --timings")
struct TimingsEndToEndTests {
    static let fixtures = RunbookBinary.fixtures.appendingPathComponent("timings")
    static let inputs = ["guide-ada-1", "guide-ada-2", "run-bea", "store"].map { fixtures.appendingPathComponent($0).path }
    static let expected = (try? String(contentsOf: fixtures.appendingPathComponent("expected.json"), encoding: .utf8)) ?? ""

    static func run(_ arguments: [String], in directory: URL) async throws -> RunbookBinary.Outcome {
        let outcome = try await RunbookBinary.run(arguments, in: directory)
        RunbookBinary.expectNoCrash(outcome)
        return outcome
    }

    @Test func theJSONOfKnownJournalsIsExact() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("timings")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let printed = try await Self.run(["report", "--timings"] + Self.inputs, in: scratch)
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout == Self.expected)
        let written = try await Self.run(["report", "--timings", "--format", "json", "-o", "out/timings.json"] + Self.inputs, in: scratch)
        #expect(written.status == 0 && written.stdout.isEmpty)
        #expect(try String(contentsOf: scratch.appendingPathComponent("out/timings.json"), encoding: .utf8) == Self.expected)
        // The guide's results.json names its journal; the board's store is a folder of LEARNER.jsonl.
        let viaResults = try await Self.run(
            [
                "report", "--timings", Self.fixtures.appendingPathComponent("guide-ada-1/journal.jsonl").path,
                Self.fixtures.appendingPathComponent("guide-ada-2").path, Self.fixtures.appendingPathComponent("store/cy.jsonl").path,
                Self.fixtures.appendingPathComponent("run-bea").path,
            ],
            in: scratch)
        #expect(viaResults.stdout == Self.expected, "the same journals however they are named")
    }

    @Test func tablesInMarkdownCSVAndHTML() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("timings-tables")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let md = try await Self.run(["report", "--timings", "--format", "md"] + Self.inputs, in: scratch)
        #expect(md.stdout.contains("| 2 | `build` | Build the image | 3 | 3m30s | 15m50s |"), "\(md.stdout)")
        #expect(md.stdout.contains("| 4 | `extra` | An extra nobody reached | 0 | – | – |"))
        #expect(md.stdout.contains("idle stretches of more than 10 minutes left out"))
        let csv = try await Self.run(["report", "--timings", "--format", "csv"] + Self.inputs, in: scratch)
        #expect(csv.stdout.hasPrefix("step,title,n,median_seconds,p90_seconds\r\nhello,Say hello,3,30,60\r\n"), "\(csv.stdout)")
        #expect(csv.stdout.contains("extra,An extra nobody reached,0,,\r\n"))
        let html = try await Self.run(["report", "--timings", "--format", "html"] + Self.inputs, in: scratch)
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(html.stdout.contains("<td><code>serve</code></td><td>Serve the page</td><td>2</td><td>5m30s</td><td>8m00s</td>"))
        #expect(!html.stdout.contains("http://") && !html.stdout.contains("https://"), "self-contained")
        let tap = try await Self.run(["report", "--timings", "--format", "tap"] + Self.inputs, in: scratch)
        #expect(tap.status == 2)
        #expect(tap.stderr.contains("--timings comes as json, md, csv, html"))
    }

    @Test func inputsThatAreNotJournalsOrMixRunbooksAreRefused() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("timings-refused")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let other = scratch.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        let journal = try String(contentsOf: Self.fixtures.appendingPathComponent("run-bea/journal.jsonl"), encoding: .utf8)
        try journal.replacingOccurrences(of: String(repeating: "ab", count: 32), with: String(repeating: "cd", count: 32))
            .write(to: other.appendingPathComponent("journal.jsonl"), atomically: true, encoding: .utf8)
        let mixed = try await Self.run(["report", "--timings", Self.inputs[0], other.path], in: scratch)
        #expect(mixed.status == 2)
        #expect(mixed.stderr.contains("a journal of another runbook"), "\(mixed.stderr)")
        await #expect(try Self.run(["report", "--timings", "--force", Self.inputs[0], other.path], in: scratch).status == 0)
        try "{}".write(to: scratch.appendingPathComponent("results.json"), atomically: true, encoding: .utf8)
        let lonely = try await Self.run(["report", "--timings", "results.json"], in: scratch)
        #expect(lonely.status == 2 && lonely.stderr.contains("timings need a journal"), "\(lonely.stderr)")
        let merge = try await Self.run(["report", "--timings", "--merge", Self.inputs[0]], in: scratch)
        #expect(merge.status == 2)
    }

    @Test func docsWriteAboutNMinutesPerStepAndATotalByteStable() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("timings-docs")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let runbook = Self.fixtures.appendingPathComponent("runbook.yaml").path
        let timings = Self.fixtures.appendingPathComponent("expected.json").path
        let first = try await Self.run(["docs", runbook, "--timings", timings, "-o", "a.md"], in: scratch)
        #expect(first.status == 0, "\(first.stderr)")
        _ = try await Self.run(["docs", runbook, "--timings", timings, "-o", "b.md"], in: scratch)
        let a = try Data(contentsOf: scratch.appendingPathComponent("a.md"))
        #expect(a == (try Data(contentsOf: scratch.appendingPathComponent("b.md"))), "byte-stable")
        let text = String(decoding: a, as: UTF8.self)
        let total = "_About 11 min in all (for the 3 steps timed): the median time of 3 learners on each step._"
        #expect(text.contains("# Timings fixture\n\n" + total))
        #expect(text.contains("## 1. Say hello\n\n_About 1 min._"))
        #expect(text.contains("## 2. Build the image\n\n_About 4 min._"))
        #expect(text.contains("## 3. Serve the page\n\n_About 6 min._"))
        #expect(!text.contains("## 4. An extra nobody reached\n\n_About"), "no time for a step nobody passed")
        let check = try await Self.run(["docs", runbook, "--timings", timings, "--check", "a.md"], in: scratch)
        #expect(check.status == 0)
        let stale = try await Self.run(["docs", runbook, "--check", "a.md"], in: scratch)
        #expect(stale.status == 1 && stale.stdout.contains("-_About 4 min._"))
        let bad = try await Self.run(["docs", runbook, "--timings", runbook], in: scratch)
        #expect(bad.status == 2 && bad.stderr.contains("not the JSON of `runbook report --timings`"), "\(bad.stderr)")
    }
}
