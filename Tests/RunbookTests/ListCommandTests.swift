import Foundation
import Testing

/// `runbook list`: the steps as a table, safe for a terminal.
@Suite("runbook list")
struct ListCommandTests {
    @Test("control characters from YAML escapes in step titles are printed as ^X, never raw")
    func controlCharactersInTheTableAreVisible() async throws {
        let fixture = RunbookBinary.fixtures.appendingPathComponent("validate/list-control-characters.yaml")
        let outcome = try await RunbookBinary.run(["list", fixture.path, "--no-color"])
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let raw = outcome.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }
        #expect(!raw, "raw control characters: \(outcome.stdout.debugDescription)")
        let row = outcome.stdout.components(separatedBy: "\n").first { $0.hasPrefix("first") }
        #expect(row?.contains("^[[31mred^G") == true, "\(outcome.stdout)")
    }
}
