import Foundation
import Testing

@testable import Frontend

/// The shells' completion of step and learner ids, read from the command line being completed.
@Suite("Completion candidates")
struct CompletionCandidatesTests {
    @Test("whole ids, or for a list the ids after its last comma that are not in it yet")
    func offers() {
        let ids = ["greet", "colour", "after-colour"]
        #expect(CompletionCandidates.offer(ids, prefix: "c", list: false) == ["colour"])
        #expect(CompletionCandidates.offer(ids, prefix: "greet,", list: true) == ["greet,colour", "greet,after-colour"])
        #expect(CompletionCandidates.offer(ids, prefix: "greet,colour,a", list: true) == ["greet,colour,after-colour"])
        #expect(CompletionCandidates.offer(ids, prefix: "greet,", list: false).isEmpty)
    }

    @Test("the runbook argument is the first YAML file that is no option's value, else workshop.yaml")
    func runbookPath() {
        #expect(CompletionCandidates.runbookPath(in: ["runbook", "run", "--var-file", "v.yaml", "m.yml", "--only", ""]) == "m.yml")
        #expect(CompletionCandidates.runbookPath(in: ["runbook", "check", "--learners", "r.yaml", "--skip", "a,"]) == "workshop.yaml")
        #expect(CompletionCandidates.runbookPath(in: ["runbook", "run", "'my runbook.yaml'"]) == "my runbook.yaml")
    }

    @Test("an option's value, spelled --option VALUE or --option=VALUE (bash hands the = over as a word), the last one")
    func values() {
        #expect(CompletionCandidates.value(of: "--learners", in: ["run", "--learners", "a.yaml", "--learners", "b.csv"]) == "b.csv")
        #expect(CompletionCandidates.value(of: "--learners", in: ["run", "--learners", "=", "c.yaml"]) == "c.yaml")
        #expect(CompletionCandidates.value(of: "--learners", in: ["run", "--learners=d\\ e.yaml"]) == "d e.yaml")
        #expect(CompletionCandidates.value(of: "--learners", in: ["run"]) == nil)
    }

    @Test("step ids straight from the YAML, so a runbook with errors elsewhere still completes; none for a missing file")
    func stepIds() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("complete-\(UUID().uuidString).yaml").path
        try Data("runbook: 1\nsteps:\n  - id: one\n    nonsense: true\n  - id: two\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(CompletionCandidates.stepIds(in: path) == ["one", "two"])
        #expect(CompletionCandidates.stepIds(in: "/nonexistent.yaml").isEmpty)
    }
}
