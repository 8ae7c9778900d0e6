import Foundation
import Testing

@testable import Workflow

/// Merging runs: the latest result per learner × step wins, unions keep first-seen order,
/// different runbooks are refused unless forced.
@Suite("Results merger")
struct ResultsMergerTests {
    static let sha = String(repeating: "a", count: 64)

    static func run(_ id: String, at start: Date, sha: String = sha, learners: [(String, [(String, StepStatus)])]) -> RunResults {
        let stepIds = learners.flatMap { $0.1.map(\.0) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return RunResults(
            runId: id, command: "run", runbook: RunHeader.RunbookInfo(path: "workshop.yaml", title: "T", sha256: sha),
            startedAt: start, endedAt: start.addingTimeInterval(50), interrupted: false,
            steps: stepIds.map { RunHeader.StepInfo(id: $0, title: $0.uppercased(), hint: nil) },
            learners: learners.map { learner in
                LearnerResult(
                    id: learner.0, name: learner.0.capitalized,
                    steps: learner.1.enumerated().map { index, step in
                        StepResult(learner: learner.0, step: step.0, status: step.1, endedAt: start.addingTimeInterval(Double(index + 1)))
                    })
            })
    }

    let early = Date(timeIntervalSince1970: 1_000_000)
    var late: Date { early.addingTimeInterval(3600) }

    @Test func latestResultByEndTimeWinsWhateverTheInputOrder() throws {
        let first = Self.run(
            "r1", at: early,
            learners: [("alice", [("build", .failed), ("push", .blocked)]), ("bob", [("build", .passed), ("push", .passed)])])
        let second = Self.run("r2", at: late, learners: [("alice", [("build", .passed), ("push", .passed)])])
        for inputs in [[first, second], [second, first]] {
            let merged = try ResultsMerger().merge(
                inputs.enumerated().map { ResultsMerger.Input(name: "in\($0.offset)", results: $0.element) })
            let alice = try #require(merged.learners.first { $0.id == "alice" })
            #expect(alice.steps.map(\.status) == [.passed, .passed])
            let bob = try #require(merged.learners.first { $0.id == "bob" })
            #expect(bob.steps.map(\.status) == [.passed, .passed], "bob only ran in the first run: his results stay")
        }
    }

    @Test func learnersAndStepsAreUnionedInFirstSeenOrder() throws {
        let first = Self.run("r1", at: early, learners: [("bob", [("build", .passed)]), ("alice", [("build", .failed)])])
        let second = Self.run(
            "r2", at: late, learners: [("carol", [("build", .passed), ("push", .passed)]), ("alice", [("lint", .passed)])])
        let merged = try ResultsMerger().merge([.init(name: "a", results: first), .init(name: "b", results: second)])
        #expect(merged.learners.map(\.id) == ["bob", "alice", "carol"])
        #expect(merged.steps.map(\.id) == ["build", "push", "lint"])
        #expect(merged.learners[1].steps.map(\.step) == ["build", "lint"])
        #expect(merged.runId == "r1+r2")
        #expect(merged.startedAt == early)
        #expect(merged.endedAt == late.addingTimeInterval(50))
    }

    @Test func differentRunbooksAreRefusedUnlessForced() throws {
        let first = Self.run("r1", at: early, learners: [("alice", [("build", .failed)])])
        let second = Self.run("r2", at: late, sha: String(repeating: "b", count: 64), learners: [("alice", [("build", .passed)])])
        let inputs: [ResultsMerger.Input] = [.init(name: "one.json", results: first), .init(name: "two.json", results: second)]
        #expect(throws: ResultsMergeError.self) { try ResultsMerger().merge(inputs) }
        do {
            _ = try ResultsMerger().merge(inputs)
        } catch {
            #expect(error.description.contains("different runbooks"))
            #expect(error.description.contains("one.json: workshop.yaml sha256 aaaaaaaaaaaa"))
            #expect(error.description.contains("two.json: workshop.yaml sha256 bbbbbbbbbbbb"))
            #expect(error.description.contains("--force"))
        }
        let merged = try ResultsMerger(force: true).merge(inputs)
        #expect(merged.learners[0].steps.map(\.status) == [.passed])
        #expect(merged.runbook.sha256 == String(repeating: "b", count: 64), "the latest run's runbook")
    }

    @Test func oneInputComesBackUnchangedAndNoneIsAnError() throws {
        let only = ReportFixture.results()
        let merged = try ResultsMerger().merge([.init(name: "x", results: only)])
        #expect(merged.runId == only.runId)
        #expect(merged.learners.map(\.steps.count) == [7, 7])
        #expect(throws: ResultsMergeError.noInputs) { try ResultsMerger().merge([]) }
    }
}
