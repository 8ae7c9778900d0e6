import Foundation
import Testing

@testable import Workflow

/// GitHub Actions output: one annotation per failing step at its line (ten at most), workflow
/// command escaping, and a summary that stays within GitHub's 1 MiB limit when appended.
@Suite("GitHub reporter")
struct GitHubReporterTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// `failing` failing steps (lines 10, 20, …) for `alice` and `bob`, one passed step, one blocked step.
    static func results(failing: Int, path: String = "labs/workshop.yaml") -> RunResults {
        var steps = [RunHeader.StepInfo(id: "ok", title: "Fine", hint: nil, line: 5)]
        steps += (1...failing).map { RunHeader.StepInfo(id: "bad-\($0)", title: "Bad, number \($0)", hint: "Try: again", line: $0 * 10) }
        steps.append(RunHeader.StepInfo(id: "after", title: nil, hint: nil, line: nil))
        let learners = ["alice", "bob"].map { id in
            LearnerResult(
                id: id, name: id.capitalized,
                steps: steps.map { step in
                    switch step.id {
                    case "ok": StepResult(learner: id, step: step.id, status: .passed, endedAt: start)
                    case "after":
                        StepResult(learner: id, step: step.id, status: .blocked, reason: "needs 'bad-1', which failed", endedAt: start)
                    default:
                        StepResult(
                            learner: id, step: step.id, status: .failed, reason: "exit: expected 0, got 1 (100%)", endedAt: start,
                            hint: step.hint)
                    }
                })
        }
        return RunResults(
            runId: "r", command: "run", runbook: .init(path: path, title: "Lab", sha256: String(repeating: "a", count: 64)),
            startedAt: start, endedAt: start.addingTimeInterval(9), interrupted: false, steps: steps, learners: learners)
    }

    @Test func oneAnnotationPerFailingStepAtItsLineTenAtMost() throws {
        let reporter = GitHubReporter(results: Self.results(failing: 12), workspace: "/work", currentDirectory: "/work")
        let lines = reporter.annotations()
        try #require(lines.count == 10)
        #expect(
            lines[0] == "::error file=labs/workshop.yaml,line=10,title=runbook%3A step bad-1 (Bad%2C number 1)::"
                + "failed for 2 learners%0Aalice: failed: exit: expected 0, got 1 (100%25)"
                + "%0Abob: failed: exit: expected 0, got 1 (100%25)%0AHint: Try: again")
        #expect(lines.map { $0.split(separator: ",")[1] } == (1...10).map { "line=\($0 * 10)" })
        #expect(!lines.joined().contains("step after"), "a blocked step points at the step it needs, which is annotated")
        #expect(reporter.failingSteps.count == 12)
    }

    @Test func pathsAreRelativeToTheWorkspace() {
        let inside = GitHubReporter(
            results: Self.results(failing: 1, path: "workshop.yaml"), workspace: "/work/repo", currentDirectory: "/work/repo/modules/m1")
        #expect(inside.annotationPath == "modules/m1/workshop.yaml")
        let absolute = GitHubReporter(
            results: Self.results(failing: 1, path: "/work/repo/w.yaml"), workspace: "/work/repo/", currentDirectory: "/")
        #expect(absolute.annotationPath == "w.yaml")
        let outside = GitHubReporter(
            results: Self.results(failing: 1, path: "/elsewhere/w.yaml"), workspace: "/work/repo", currentDirectory: "/")
        #expect(outside.annotationPath == "/elsewhere/w.yaml")
    }

    @Test func aStepWithoutARecordedLineIsAnnotatedOnTheFile() {
        var results = Self.results(failing: 1)
        results.steps[1].line = nil
        let line = GitHubReporter(results: results, workspace: "/w", currentDirectory: "/w").annotations().first ?? ""
        #expect(line.hasPrefix("::error file=labs/workshop.yaml,title="))
    }

    @Test func theSummaryCountsTheStepsLeftWithoutAnnotation() {
        let summary = GitHubReporter(results: Self.results(failing: 12), workspace: "/w", currentDirectory: "/w").render()
        #expect(
            summary.hasPrefix(
                "> **Annotations:** the first 10 of 12 failing steps are annotated in the runbook; "
                    + "the other 2 are in the checklist below.\n\n# Lab"))
        #expect(summary.contains("## Checklist"))
        let few = GitHubReporter(results: Self.results(failing: 3), workspace: "/w", currentDirectory: "/w").render()
        #expect(!few.contains("**Annotations:**"))
    }

    @Test func aSummaryTooLongIsCutAndSaysSo() throws {
        let reporter = GitHubReporter(results: Self.results(failing: 40), workspace: "/w", currentDirectory: "/w")
        let full = reporter.render()
        let details = try #require(full.range(of: "## Failures by learner"))
        let beforeDetails = full[..<details.lowerBound].utf8.count
        let cut = reporter.summary(limit: beforeDetails + 200)
        #expect(cut.utf8.count <= beforeDetails + 200)
        #expect(!cut.contains("## Failures by learner") && cut.contains("## Where the room is stuck"))
        #expect(cut.hasSuffix("gives the whole checklist.\n"))
        let tiny = reporter.summary(limit: 1000)
        #expect(tiny.utf8.count <= 1000)
        #expect(tiny.hasPrefix("> **Annotations:**") && tiny.contains("> **Cut:**"))
        #expect(reporter.summary(limit: full.utf8.count) == full)
    }

    @Test func appendingKeepsWhatIsThereAndTheLimit() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("summary-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("# An earlier step\n".utf8).write(to: file)
        let reporter = GitHubReporter(results: Self.results(failing: 2), workspace: "/w", currentDirectory: "/w")
        #expect(try reporter.appendSummary(to: file.path))
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix("# An earlier step\n\n# Lab: learner checklist"))
        try Data(repeating: 0x41, count: GitHubReporter.summaryLimit - 100).write(to: file)
        #expect(try reporter.appendSummary(to: file.path) == false, "nothing useful fits in 100 bytes")
        #expect(try Data(contentsOf: file).count == GitHubReporter.summaryLimit - 100)
        let big = GitHubReporter(results: Self.results(failing: 200), workspace: "/w", currentDirectory: "/w")
        try Data(repeating: 0x41, count: GitHubReporter.summaryLimit - 20_000).write(to: file)
        #expect(try big.appendSummary(to: file.path))
        #expect(try Data(contentsOf: file).count <= GitHubReporter.summaryLimit)
    }

    @Test func junitTestcasesCarryTheFileAndTheLine() {
        let xml = JUnitReporter(results: Self.results(failing: 1)).render()
        #expect(xml.contains("name=\"bad-1: Bad, number 1\" file=\"labs/workshop.yaml\" line=\"10\" time="))
        #expect(xml.contains("name=\"after\" file=\"labs/workshop.yaml\" time="), "no line recorded, no line attribute")
    }

    @Test func resultsWrittenBeforeLinesWereRecordedStillLoad() throws {
        let json = #"{"id":"build","title":"Build","hint":null}"#
        let step = try JSONDecoder().decode(RunHeader.StepInfo.self, from: Data(json.utf8))
        #expect(step.id == "build" && step.line == nil)
        let data = try JSONEncoder.runbook.encode(RunHeader.StepInfo(id: "a", title: nil, hint: nil, line: 7))
        let encoded = String(decoding: data, as: UTF8.self)
        #expect(encoded == #"{"id":"a","line":7}"#)
    }
}
