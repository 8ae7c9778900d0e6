import Foundation
import Testing

/// `--report github` end to end: a failing run's annotations on standard output, pointing at the
/// failing steps' lines in the runbook (ten at most), and the checklist appended to the step summary.
@Suite("GitHub Actions output")
struct GitHubOutputTests {
    /// A folder holding a copy of the failing runbook, as a checked-out workspace would.
    static func workspace() throws -> URL {
        let dir = try RunbookBinary.temporaryDirectory("github")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("labs"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: RunbookBinary.fixtures.appendingPathComponent("github/failing.yaml"), to: dir.appendingPathComponent("labs/failing.yaml"))
        return dir
    }

    /// The 1-based line of `- id: ID` in the runbook.
    static func line(of id: String, in runbook: URL) throws -> Int {
        let lines = try String(contentsOf: runbook, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "- id: \(id)" }) + 1
    }

    @Test("a failing run: ten ::error annotations at the failing steps' lines, the summary appended with the count of the rest")
    func annotationsAndSummary() async throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let summary = dir.appendingPathComponent("step-summary.md")
        try Data("## Build\n\nbuilt.\n".utf8).write(to: summary)
        let outcome = try await RunbookBinary.run(
            ["run", "labs/failing.yaml", "--report", "github", "--report", "junit", "--out", "results", "--quiet"], in: dir,
            environment: ["GITHUB_STEP_SUMMARY": summary.path, "GITHUB_WORKSPACE": dir.path, "GITHUB_ACTIONS": "true"])
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 1)
        let annotations = outcome.stdout.split(separator: "\n").filter { $0.hasPrefix("::error ") }
        #expect(annotations.count == 10, "\(outcome.stdout)")
        let runbook = dir.appendingPathComponent("labs/failing.yaml")
        for (index, annotation) in annotations.enumerated() {
            let id = String(format: "broken-%02d", index + 1)
            let line = try Self.line(of: id, in: runbook)
            let number = index + 1
            let title = "runbook%3A step \(id) (Broken number \(number))"
            #expect(annotation.hasPrefix("::error file=labs/failing.yaml,line=\(line),title=\(title)::"))
            let message = "local: failed: exit: expected 0, got \(number)%0AHint: Step \(number): look at line, then column"
            #expect(annotation.hasSuffix("::" + message))
        }
        #expect(!outcome.stdout.contains("step broken-11"), "GitHub shows ten annotations per step; the rest are counted in the summary")
        let text = try String(contentsOf: summary, encoding: .utf8)
        #expect(text.hasPrefix("## Build\n\nbuilt.\n\n> **Annotations:** the first 10 of 12 failing steps are annotated"))
        #expect(text.contains("are annotated in the runbook; the other 2 are in the checklist below."))
        #expect(text.contains("# Failing on purpose: learner checklist"))
        #expect(text.contains("| local |  | ✓ | ✗ | ✗ | ✗ | ✗ | ✗ | ✗ | ✗ | ✗ | ✗ | ✗ | ✗ | ✗ | ⊘ | 1/14 |"))
        #expect(text.contains("#### ✗ broken-12 — Broken number 12"))
        let junit = try String(contentsOf: dir.appendingPathComponent("results/report.junit"), encoding: .utf8)
        let third = try Self.line(of: "broken-03", in: runbook)
        #expect(junit.contains("name=\"broken-03: Broken number 3\" file=\"labs/failing.yaml\" line=\"\(third)\""))
    }

    @Test("runbook report --format github: the same from results.json; without a summary file, the checklist on standard output")
    func fromResults() async throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try await RunbookBinary.run(
            ["run", "labs/failing.yaml", "--out", "results", "--quiet"], in: dir, environment: ["GITHUB_STEP_SUMMARY": ""])
        let toFile = try await RunbookBinary.run(
            ["report", "results", "--format", "github", "-o", "summary.md"], in: dir, environment: ["GITHUB_WORKSPACE": dir.path])
        #expect(toFile.status == 0, "\(toFile.stderr)")
        #expect(toFile.stdout.split(separator: "\n").count == 10)
        let first = try Self.line(of: "broken-01", in: dir.appendingPathComponent("labs/failing.yaml"))
        #expect(toFile.stdout.hasPrefix("::error file=labs/failing.yaml,line=\(first),"))
        #expect(try String(contentsOf: dir.appendingPathComponent("summary.md"), encoding: .utf8).contains("## Checklist"))
        let printed = try await RunbookBinary.run(
            ["report", "results", "--format", "github"], in: dir, environment: ["GITHUB_STEP_SUMMARY": ""])
        #expect(printed.status == 0)
        let lines = printed.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.prefix(10).allSatisfy { $0.hasPrefix("::error ") })
        #expect(lines[10].hasPrefix("> **Annotations:**"))
    }

    @Test("a run that passes writes no annotation")
    func passingRun() async throws {
        let dir = try RunbookBinary.temporaryDirectory("github")
        defer { try? FileManager.default.removeItem(at: dir) }
        let summary = dir.appendingPathComponent("summary.md")
        let outcome = try await RunbookBinary.run(
            ["run", RunbookBinary.fixtures.appendingPathComponent("shards/shards.yaml").path, "--report", "github", "--out", "results"],
            in: dir, environment: ["GITHUB_STEP_SUMMARY": summary.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(!outcome.stdout.contains("::error"))
        #expect(try String(contentsOf: summary, encoding: .utf8).contains("**1 of 1 learner passed.**"))
    }
}
