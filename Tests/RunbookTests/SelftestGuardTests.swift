import Foundation
import Testing

/// `runbook selftest` and issue 17: proved `verify: self` steps are counted as proved, a missing
/// cwd before the first step is "not done" (it proves the check can fail), a guard need not fail.
@Suite("runbook selftest: verify self, cwd, guards")
struct SelftestGuardTests {
    @Test("a verify: self step whose folder an earlier step makes, and a guard that holds before: no defect, every probe counted")
    func guardsAndSelf() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("selftest-guards")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outcome = try await SelftestCommandTests.selftest("guards-and-self.yaml", scratch: scratch)
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        let lines = outcome.stdout.components(separatedBy: "\n")
        #expect(lines.contains { $0.hasPrefix("✓ list-folder") }, "\(outcome.stdout)")
        #expect(lines.contains("    verify 1: a guard, need not fail before (it passed) ✓, passes after ✓"), "\(outcome.stdout)")
        #expect(lines.contains("selftest passed: 4 probes proved they can fail and can pass"), "\(outcome.stdout)")
    }
}
