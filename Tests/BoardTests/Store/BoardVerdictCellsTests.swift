import Foundation
import Testing
import Workflow

@testable import Board

/// `check`'s verdicts on the board (SPEC 6.11): "done, since undone" marked ↺, facts of the
/// machine marked env and left out of each learner's passed/total, in the JSON and on the page.
@Suite("Board verdict cells")
struct BoardVerdictCellsTests {
    @Test func undoneAndEnvironmentCellsAreMarkedAndFactsAreNotCounted() async throws {
        let directory = try BoardFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = BoardFixture.configuration(store: directory)
        configuration.environmentSteps = ["build"]
        let store = try BoardStore(configuration: configuration, broadcaster: BoardStoreTests.broadcaster())
        var fact = try #require(BoardFixture.step("eve", "build", .passed).step)
        fact.environment = true
        var undone = try #require(BoardFixture.step("eve", "run", .passed, after: 20).step)
        undone.undone = true
        let done = try #require(BoardFixture.step("eve", "push", .passed, after: 30).step)
        _ = try await store.push(BoardFixture.body([BoardFixture.header("eve"), .step(fact), .step(undone), .step(done)]), learner: "eve")

        let document = await store.matrix()
        let row = try #require(document.learners.first { $0.id == "eve" })
        #expect(row.passed == 2, "the machine's fact is not the learner's work")
        #expect(row.steps["build"]?.environment == true)
        #expect(row.steps["run"]?.undone == true)
        #expect(row.steps["push"]?.undone == nil && row.steps["push"]?.environment == nil)
        #expect(document.steps.map(\.environment) == [true, nil, nil])

        let page = BoardPage(document: document, joinURL: "http://x/join/c", nonce: "n").render()
        #expect(page.contains("<sup class=\"undone\" title=\"done, since undone\">↺</sup>"))
        #expect(page.contains("<sup class=\"env\" title=\"a fact of the machine, not counted\">env</sup>"))
        #expect(page.contains("<td class=\"score\">2/2</td>"), "passed/total without the fact")
        #expect(page.contains("<b data-count=\"done\">1</b> done"), "all counted steps passed: done")
    }
}
