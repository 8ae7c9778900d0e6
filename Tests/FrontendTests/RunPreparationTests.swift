import Foundation
import Steps
import Testing
import Workflow

@testable import Frontend

/// What every command that runs steps prepares the same way, each problem an exit status 2.
@Suite("Run preparation")
struct RunPreparationTests {
    /// Every standard kind, made once for the suite.
    static let kinds = StandardKinds.make()

    /// A preparation of `workshop.yaml` with `settings`.
    private func preparation(_ change: (inout RunSettings) -> Void = { _ in }) -> RunPreparation {
        var settings = RunSettings()
        change(&settings)
        return RunPreparation(path: "workshop.yaml", options: settings, output: OutputSettings(noColor: true), registry: Self.kinds)
    }

    /// The messages of the failure `body` throws.
    private func messages(_ body: () throws(CommandFailure) -> Void) -> [String] {
        do {
            try body()
            return []
        } catch {
            return error.messages
        }
    }

    @Test("without a roster: learner local, or the one --learner names; a bad id or several ids are refused")
    func learnersWithoutRoster() throws {
        #expect(try preparation().learners().map(\.id) == ["local"])
        #expect(try preparation { $0.learner = "ada" }.learners().map(\.id) == ["ada"])
        #expect(
            messages { () throws(CommandFailure) in _ = try preparation { $0.learner = "Ada" }.learners() }.first?.hasPrefix(
                "--learner Ada: a learner id is") == true)
        #expect(
            messages { () throws(CommandFailure) in _ = try preparation { $0.learner = "ada,bob" }.learners() } == [
                "--learner names several learners but there is no --learners roster"
            ])
    }

    @Test("with a roster: all its learners, those --learner names, or the ones it lacks named")
    func learnersOfARoster() throws {
        let roster = FileManager.default.temporaryDirectory.appendingPathComponent("roster-\(UUID().uuidString).yaml").path
        try Data("learners:\n  - id: ada\n  - id: bob\n    docker_host: ssh://bob@lab\n".utf8).write(to: URL(fileURLWithPath: roster))
        defer { try? FileManager.default.removeItem(atPath: roster) }
        #expect(try preparation { $0.learners = roster }.learners().map(\.id) == ["ada", "bob"])
        #expect(
            try preparation {
                $0.learners = roster; $0.learner = "bob"
            }.learners().map(\.id) == ["bob"])
        #expect(
            messages { () throws(CommandFailure) in
                _ = try preparation {
                    $0.learners = roster; $0.learner = "cy"
                }.learners()
            } == ["no learner cy in \(roster)"])
        #expect(
            messages { () throws(CommandFailure) in _ = try preparation { $0.learners = roster }.guideLearner() }.first?.hasPrefix(
                "runbook guide walks one learner") == true)
    }

    @Test("comma-separated options, and --var values located for their errors")
    func settings() {
        #expect(RunSettings.list(" a, b,,c ") == ["a", "b", "c"])
        var settings = RunSettings()
        settings.vars = ["image=web:1", "empty="]
        #expect(settings.commandLineValues["image"]?.text == "web:1")
        #expect(settings.commandLineValues["empty"]?.location == SourceLocation(file: "--var", line: 1, column: 2))
    }
}
