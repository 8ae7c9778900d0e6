import Foundation
import Testing

@testable import Workflow

/// `why:` in every report format (SPEC 11.1): the learner's explanation in place of the matcher's
/// own words, which results.json (the json format) keeps beside it; every hint of a step with several.
@Suite("why: and hints in reports")
struct WhyInReportsTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let matcherWhy = "The page should greet you by name: did you pass -e AUTHOR to docker run?"
    static let probeWhy = "The container should still be running: did you start it with -d?"
    static let matcherWords = "no line of stdout contains \"Hello Ada\""
    static let probeWords = "expected 0, got 1"

    static var results: RunResults {
        let steps = [
            RunHeader.StepInfo(id: "greet", title: "Greet", hint: "Look at the page.", line: 4),
            RunHeader.StepInfo(id: "running", title: "Keep it running", hint: nil, line: 12),
        ]
        let greet = StepResult(
            learner: "ada", step: "greet", title: "Greet", status: .failed, reason: "stdout: contains: \(matcherWords)", exitCode: 0,
            startedAt: start, endedAt: start.addingTimeInterval(2), durationSeconds: 2, attempts: 1,
            failures: [
                MatcherFailure(
                    matcher: "stdout: contains", expected: "Hello Ada", message: matcherWords,
                    lines: [NumberedLine(number: 1, text: "Hello nobody")],
                    sourceLine: 8, why: matcherWhy)
            ],
            hint: "Look at the page.", hints: ["Look at the page.", "Is AUTHOR set in the container? docker exec … env"], hintsShown: 2,
            why: matcherWhy)
        let probe = ProbeResult(
            index: 0, status: .failed, reason: "exit: \(probeWords)", exitCode: 1,
            failures: [MatcherFailure(matcher: "exit", expected: "0", message: probeWords)], why: probeWhy)
        let running = StepResult(
            learner: "ada", step: "running", title: "Keep it running", status: .failed, reason: "verify 1: exit: \(probeWords)",
            exitCode: 0,
            startedAt: start, endedAt: start.addingTimeInterval(3), durationSeconds: 1, attempts: 1, verify: [probe], why: probeWhy)
        return RunResults(
            runId: "r", command: "run", runbook: .init(path: "runbook.yaml", title: "Web", sha256: String(repeating: "b", count: 64)),
            startedAt: start, endedAt: start.addingTimeInterval(9), interrupted: false, steps: steps,
            learners: [LearnerResult(id: "ada", name: "Ada", steps: [greet, running])])
    }

    @Test("md, html, junit, tap and github show the why, never the matcher's words", arguments: [ReportFormat.md, .html, .junit, .tap])
    func humanFormats(format: ReportFormat) throws {
        let text = try ReportRenderer(results: Self.results).render(format)
        let plain = format == .html || format == .junit ? text.replacingOccurrences(of: "&quot;", with: "\"") : text
        #expect(plain.contains(Self.matcherWhy), "\(format)")
        #expect(plain.contains(Self.probeWhy), "\(format)")
        #expect(!plain.contains(Self.matcherWords), "\(format): the matcher's words are replaced:\n\(text)")
        #expect(!plain.contains(Self.probeWords), "\(format): the probe's words are replaced:\n\(text)")
        #expect(plain.contains("Hello nobody"), "\(format): the lines that show it are still quoted")
        #expect(plain.contains("Is AUTHOR set in the container?"), "\(format): every hint of a step with several")
    }

    @Test func githubAnnotationsSayTheWhy() {
        let annotations = GitHubReporter(results: Self.results, workspace: "/w", currentDirectory: "/w").annotations()
        #expect(annotations.count == 2)
        #expect(annotations[0].contains("ada: failed: The page should greet you by name%3A") || annotations[0].contains(Self.matcherWhy))
        #expect(annotations.allSatisfy { !$0.contains("no line of stdout") && !$0.contains(Self.probeWords) }, "\(annotations)")
    }

    @Test func jsonKeepsTheMatchersWordsBesideTheWhy() throws {
        let text = try ReportRenderer(results: Self.results).render(.json)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let steps = try #require(((root["learners"] as? [[String: Any]])?.first)?["steps"] as? [[String: Any]])
        let failure = try #require((steps[0]["failures"] as? [[String: Any]])?.first)
        #expect(failure["message"] as? String == Self.matcherWords)
        #expect(failure["why"] as? String == Self.matcherWhy)
        #expect(steps[0]["reason"] as? String == "stdout: contains: \(Self.matcherWords)")
        #expect(steps[0]["why"] as? String == Self.matcherWhy)
        #expect(steps[0]["hintsShown"] as? Int == 2)
        #expect(steps[0]["hints"] as? [String] == ["Look at the page.", "Is AUTHOR set in the container? docker exec … env"])
        let probe = try #require((steps[1]["verify"] as? [[String: Any]])?.first)
        #expect(probe["reason"] as? String == "exit: \(Self.probeWords)")
        #expect(probe["why"] as? String == Self.probeWhy)
    }

    @Test func csvHasNoFailureTextOnlyStatuses() throws {
        let text = try ReportRenderer(results: Self.results).render(.csv)
        #expect(text.contains("ada,Ada,0,2,failed,failed"))
        #expect(!text.contains(Self.matcherWords) && !text.contains(Self.matcherWhy))
    }

    @Test func failureTextTellsTheWhyAndDropsTheExpectedValue() {
        let text = FailureText.plain(Self.results.learners[0].steps[0])
        #expect(text.hasPrefix(Self.matcherWhy + "\n"))
        #expect(!text.contains("expected: Hello Ada"))
        #expect(text.contains("hint 1 of 2: Look at the page.\nhint 2 of 2: Is AUTHOR set"))
    }
}
