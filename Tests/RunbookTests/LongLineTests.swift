import Foundation
import Testing

/// Lines longer than 1 MiB are matched on their first 1 MiB, but counted whole (SPEC 1.2, 4).
@Suite("runbook run: long lines")
struct LongLineTests {
    @Test("excerpts count every byte of a 3 MiB line")
    func totalBytesCountsWholeLine() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("long-line")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("results")
        let fixture = RunbookBinary.fixtures.appendingPathComponent("engine/long-line.yaml")
        let outcome = try await RunbookBinary.run(["run", fixture.path, "--out", out.path])
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        let step = try #require(try ResultsFile(directory: out).steps()["long"])
        let stdout = try #require((step["excerpts"] as? [String: Any])?["stdout"] as? [String: Any])
        #expect(stdout["totalBytes"] as? Int == 3_145_728 + 1 + 5)
        #expect(stdout["longLines"] as? Int == 1)
    }
}
