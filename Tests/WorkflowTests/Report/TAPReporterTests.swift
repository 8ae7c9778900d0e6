import Foundation
import Testing

@testable import Workflow

/// TAP 13: plan, test points, directives, and output only inside indented YAML blocks.
@Suite("TAP reporter")
struct TAPReporterTests {
    let tap = TAPReporter(results: ReportFixture.results()).render()
    var lines: [String] { tap.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }

    @Test func startsWithVersionAndPlan() {
        #expect(lines[0] == "TAP version 13")
        #expect(lines[1] == "1..14")
    }

    @Test func oneTestPointPerLearnerAndStep() {
        let points = lines.filter { $0.hasPrefix("ok ") || $0.hasPrefix("not ok ") }
        #expect(points.count == 14)
        #expect(points.filter { $0.hasPrefix("ok ") }.count == 4)  // passed and skipped, twice
        #expect(points.filter { $0.hasPrefix("not ok ") }.count == 10)
        let numbers = points.map { line in Int(line.split(separator: " ")[line.hasPrefix("ok") ? 1 : 2]) }
        #expect(numbers == Array(1...14).map(Optional.some))
    }

    @Test func writesDescriptionsDirectivesAndEscapes() {
        #expect(lines.contains("ok 1 - alice: hello — Say hello"))
        #expect(lines.contains("not ok 2 - alice: build — Build the image"))
        #expect(lines.contains("not ok 3 - alice: train — Train \\# the model"), "a # in a title is escaped")
        #expect(lines.contains("not ok 5 - alice: push — Push the image # blocked: needs 'build', which failed"))
        #expect(lines.contains("ok 6 - alice: extra — Optional extra # SKIP condition ${extra} is false # really"))
    }

    @Test func outputAppearsOnlyInsideIndentedYAMLBlocks() {
        var inBlock = false
        var blocks = 0
        for line in lines.dropFirst(2) {
            if inBlock {
                #expect(line.hasPrefix("  "), "a block line without the indentation: \(line)")
                if line == "  ..." { inBlock = false }
                continue
            }
            if line == "  ---" {
                inBlock = true
                blocks += 1
                continue
            }
            #expect(line.hasPrefix("ok ") || line.hasPrefix("not ok ") || line.hasPrefix("# "), "a raw line outside the blocks: \(line)")
            if !line.hasPrefix("# ") { #expect(!line.contains("<script>alert(1)</script> &"), "output outside a block: \(line)") }
        }
        #expect(!inBlock)
        #expect(blocks == 10)
    }

    @Test func diagnosticBlockHoldsTheFacts() throws {
        let start = try #require(lines.firstIndex(of: "not ok 2 - alice: build — Build the image"))
        let end = try #require(lines[start...].firstIndex(of: "  ..."))
        let block = lines[(start + 1)...end]
        #expect(block.first == "  ---")
        #expect(block.contains("  severity: fail"))
        #expect(block.contains("  status: failed"))
        #expect(block.contains("  exit_code: 1"))
        #expect(block.contains("  duration_s: 12.500"))
        #expect(block.contains("  attempts: 2"))
        #expect(block.contains { $0.hasPrefix("  message: \"exit: expected 0, got 1 <script>") })
        #expect(block.contains { $0.hasPrefix("  hint: \"Is the base image there?") })
        #expect(block.contains("    - matcher: \"stdout: contains\""))
        #expect(block.contains("      lines: |2"))
        #expect(block.contains("        124│ last line"))
        #expect(block.contains("  output: |2"))
        #expect(block.contains("    … 120 lines omitted …"))
        #expect(block.contains { $0.hasPrefix("    <script>alert(1)</script> & \"q\"") && $0.contains("^@NUL ^[[31mESC") })
    }

    @Test func errorsHaveSeverityError() throws {
        let start = try #require(lines.firstIndex(of: "not ok 4 - alice: gpu — Train on a GPU"))
        #expect(lines[start + 1] == "  ---")
        #expect(lines[start + 3] == "  severity: error")
    }

    @Test func neverWritesRawControlCharacters() {
        #expect(!tap.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func outputWithALineThatLooksLikeTheBlockEndIsQuoted() {
        let yaml = YAMLScalar.block(key: "output", "building\n...done\n", indent: 2)
        #expect(yaml == "  output: \"building\\n...done\\n\"\n")
        #expect(YAMLScalar.block(key: "output", "a\n\n  b", indent: 2) == "  output: |2-\n    a\n    \n      b\n")
    }

    @Test func aRunWithoutStepsHasAnEmptyPlan() {
        var results = ReportFixture.results()
        results.learners = []
        #expect(TAPReporter(results: results).render().hasPrefix("TAP version 13\n1..0 # SKIP"))
    }
}
