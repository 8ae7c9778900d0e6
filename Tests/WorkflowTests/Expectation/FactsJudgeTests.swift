import Testing

@testable import Workflow

/// `exists`, `size` and `mode` against what an in-process kind found (SPEC 6.6).
@Suite("Facts judge")
struct FactsJudgeTests {
    static let here = SourceLocation(file: "runbook.yaml", line: 5, column: 7)
    static let fileChecks: Set<ExpectationCheck> = [.exists, .size, .mode]

    func judge(_ expect: Workflow.Expectation, _ facts: SubjectFacts) -> [String] {
        FactsJudge(expect: expect, checks: Self.fileChecks).judge(facts, render: { $0.raw }).failures.map { "\($0.matcher): \($0.message)" }
    }

    @Test("a subject without a size or mode (a folder) fails size: and mode: with a clear message, never passes them silently")
    func folderHasNoSizeOrMode() {
        let operand = Template(literal: "0", location: Self.here)
        let expect = Workflow.Expectation(size: Comparison(comparison: .greaterOrEqual, operand: operand, raw: ">= 0"), mode: "0755")
        #expect(
            judge(expect, SubjectFacts(subject: "folder /srv", exists: true)) == [
                "size: folder /srv has no size; `size` applies to files only",
                "mode: folder /srv has no mode; `mode` applies to files only",
            ])
        #expect(judge(Workflow.Expectation(exists: true), SubjectFacts(subject: "folder /srv", exists: true)).isEmpty)
    }

    @Test("a file's size and mode are compared")
    func fileSizeAndMode() {
        let operand = Template(literal: "10", location: Self.here)
        let expect = Workflow.Expectation(size: Comparison(comparison: .greaterOrEqual, operand: operand, raw: ">= 10"), mode: "0644")
        #expect(judge(expect, SubjectFacts(subject: "file /a", exists: true, size: 12, mode: 0o644)).isEmpty)
        #expect(
            judge(expect, SubjectFacts(subject: "file /a", exists: true, size: 3, mode: 0o600)) == [
                "size: file /a has 3 bytes, expected >= 10", "mode: file /a has mode 0600, expected 0644",
            ])
    }
}
