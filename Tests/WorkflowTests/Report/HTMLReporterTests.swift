import Foundation
import Testing

@testable import Workflow

/// The HTML page: self-contained, escaped, colour doubled by symbols, print styles.
@Suite("HTML reporter")
struct HTMLReporterTests {
    let html = HTMLReporter(results: ReportFixture.results()).render()

    @Test func noScriptAndNoExternalAsset() {
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(
            !html.lowercased().contains("<link") && !html.lowercased().contains("<img") && !html.contains("@import")
                && !html.contains("url("))
        #expect(html.contains("Content-Security-Policy"))
    }

    @Test func escapesUntrustedTextEverywhere() {
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39; ]]&gt;"))
        #expect(html.contains("<span class=\"name\">&lt;script&gt;alert(1)&lt;/script&gt;</span>"))
        #expect(html.contains("=cmd|&#39; /C calc&#39;!A0"))
        #expect(!html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(html.contains("^@NUL ^[[31mESC"))
    }

    @Test func matrixCellsHaveColourClassAndSymbol() {
        for status in StepStatus.allCases {
            #expect(html.contains("<td class=\"cell s-\(status.rawValue)\""), "no \(status) cell")
            #expect(html.contains("<span class=\"sym\">\(status.symbol)</span><span class=\"sr\"> \(status.rawValue)</span>"))
        }
        #expect(html.contains("title=\"failed: exit: expected 0, got 1 &lt;script&gt;"))
    }

    @Test func summaryDetailsHintsAndPrintStyles() {
        #expect(html.contains("<span class=\"big\">0<span class=\"of\"> / 2</span></span>"))
        #expect(html.contains("<h2>Where the room is stuck</h2>"))
        #expect(html.contains("<pre class=\"output\""))
        #expect(html.contains("<span class=\"gap\">… 120 lines omitted …</span>"))
        #expect(html.contains("<span class=\"hint-label\">Hint</span> Is the base image there? `docker images` &lt;script&gt;"))
        #expect(html.contains("@media print"))
        #expect(html.contains("break-inside: avoid-page"))
        #expect(html.contains("print-color-adjust: exact"))
    }

    @Test func isWellFormedEnoughForAnXMLParser() {
        // The page is written as well-formed markup, so an XML parser (stricter than a browser) reads it.
        let document = XMLCollector.parse(html.replacingOccurrences(of: "<!DOCTYPE html>\n", with: ""))
        #expect(document.error == nil, "\(document.error ?? "")")
        #expect(document.all("article").count == 2)
    }

    @Test func incompleteRunsSayWhy() {
        var results = ReportFixture.results(end: nil)
        results.learners[1].steps.removeLast()
        let page = HTMLReporter(results: results).render()
        #expect(page.contains("<strong>Incomplete.</strong>"))
        #expect(page.contains("<td class=\"cell s-missing\" title=\"not run\">"))
    }
}
