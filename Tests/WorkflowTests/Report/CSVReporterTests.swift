import Foundation
import Testing

@testable import Workflow

/// The CSV report: one row per learner, RFC 4180 quoting, formula injection defused.
@Suite("CSV reporter")
struct CSVReporterTests {
    let csv = CSVReporter(results: ReportFixture.results()).render()

    @Test func headerAndOneRowPerLearnerWithCRLF() throws {
        let records = csv.components(separatedBy: "\r\n")
        try #require(records.count == 4)
        #expect(records[3].isEmpty)
        #expect(records[0] == "id,name,passed,total,hello,build,train,gpu,push,extra,serve")
        #expect(records[1] == "alice,<script>alert(1)</script>,1,7,passed,failed,timeout,error,blocked,skipped,interrupted")
    }

    @Test func formulaCellsGetALeadingQuoteAndAreQuotedWhenNeeded() {
        let records = csv.components(separatedBy: "\r\n")
        #expect(records[2] == "bob,'=cmd|' /C calc'!A0,1,7,passed,failed,timeout,error,blocked,skipped,interrupted")
        #expect(CSVEscaper.cell("=1+1") == "'=1+1")
        #expect(CSVEscaper.cell("+1") == "'+1")
        #expect(CSVEscaper.cell("-1") == "'-1")
        #expect(CSVEscaper.cell("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVEscaper.cell("=HYPERLINK(\"x\",\"y\")") == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")
        #expect(CSVEscaper.cell("Martin, Alice") == "\"Martin, Alice\"")
        #expect(CSVEscaper.cell("two\nlines") == "\"two\nlines\"")
        #expect(CSVEscaper.cell("nul\u{0}esc\u{1B}") == "nul^@esc^[")
        #expect(CSVEscaper.cell("a-b") == "a-b")
    }

    @Test func missingResultsAreEmptyCells() {
        var results = ReportFixture.results(end: nil)
        results.learners[0].steps.removeLast(2)
        let records = CSVReporter(results: results).render().components(separatedBy: "\r\n")
        #expect(records[1].hasSuffix(",blocked,not run,not run"), "a step without a result is not run (SPEC 7.1)")
    }
}
