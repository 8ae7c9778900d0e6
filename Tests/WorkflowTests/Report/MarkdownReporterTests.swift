import Foundation
import Testing

@testable import Workflow

/// The Markdown checklist: matrix symbols, stuck counts, escaping and unbreakable fences.
@Suite("Markdown reporter")
struct MarkdownReporterTests {
    let md = MarkdownReporter(results: ReportFixture.results()).render()

    /// The document without its fenced code blocks (whose content is literal by definition).
    static func outsideFences(_ text: String) -> String {
        var kept: [Substring] = []
        var fence: Substring?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let open = fence {
                if line == open { fence = nil }
                continue
            }
            if line.hasPrefix("```") {
                fence = line.prefix { $0 == "`" }
                continue
            }
            kept.append(line)
        }
        #expect(fence == nil, "an unclosed fence")
        return kept.joined(separator: "\n")
    }

    @Test func matrixRowsHoldEveryStatusSymbol() {
        #expect(md.contains("| Learner | Name | hello | build | train | gpu | push | extra | serve | Passed |"))
        #expect(md.contains("| alice | \\<script\\>alert(1)\\</script\\> | ✓ | ✗ | ⏱ | ⚠ | ⊘ | ○ | ◌ | 1/7 |"))
        #expect(md.contains("| bob | =cmd\\|' /C calc'!A0 | ✓ | ✗ | ⏱ | ⚠ | ⊘ | ○ | ◌ | 1/7 |"))
    }

    @Test func stuckTableCountsLearnersPerStepMostFirst() throws {
        var results = ReportFixture.results()
        // carol fails build too and passes the rest: build has 3 stuck learners, the others 2.
        var carol = ReportFixture.everyStatus(learner: "carol")
        for index in carol.indices where index > 1 { carol[index].status = .passed }
        results.learners.append(LearnerResult(id: "carol", name: "Carol", steps: carol))
        let text = MarkdownReporter(results: results).render()
        let section = try #require(text.components(separatedBy: "## Where the room is stuck").last?.components(separatedBy: "## ").first)
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Step") }
        try #require(rows.count == 4)
        #expect(
            rows[0].hasPrefix(
                "| build | Build the image | 3 | 3 | 0 | 0 | 0 | alice, bob, carol | Is the base image there? \\`docker images\\`"))
        #expect(rows[1].hasPrefix("| train | Train \\# the model | 2 | 0 | 2 | 0 | 0 | alice, bob |"))
        #expect(rows[2].hasPrefix("| gpu | Train on a GPU | 2 | 0 | 0 | 2 | 0 |"))
        #expect(rows[3].hasPrefix("| push | Push the image | 2 | 0 | 0 | 0 | 2 |"))
        #expect(!section.contains("| serve |"), "interrupted is not stuck")
    }

    @Test func summaryAndLegend() {
        #expect(
            md.contains(
                "**0 of 2 learners passed.** ✓ 2 passed · ✗ 2 failed · ⏱ 2 timeout · ⚠ 2 error · ⊘ 2 blocked · ○ 2 skipped · ◌ 2 interrupted"
            ))
        #expect(md.contains("Legend: ✓ passed · ✗ failed · ⏱ timeout · ⚠ error · ⊘ blocked · ○ skipped · ◌ interrupted"))
    }

    @Test func noRawMarkupOrControlsOutsideFences() {
        let outside = Self.outsideFences(md)
        #expect(!outside.contains("<script>"))
        let unescaped = outside.unicodeScalars.indices.filter { index in
            outside.unicodeScalars[index] == "<"
                && (index == outside.unicodeScalars.startIndex
                    || outside.unicodeScalars[outside.unicodeScalars.index(before: index)] != "\\")
        }
        #expect(unescaped.isEmpty, "every < outside code is escaped")
        #expect(!md.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(md.contains("### alice — \\<script\\>alert(1)\\</script\\>"))
    }

    @Test func fenceIsLongerThanAnyBacktickRunInside() throws {
        // The hostile text holds a run of four backticks: the fence must be five.
        #expect(md.contains("\n`````text\n"))
        let block = MarkdownEscaper.codeBlock("a ```` b\n````\n")
        #expect(block == "`````text\na ```` b\n````\n`````\n")
        #expect(MarkdownEscaper.codeBlock("plain") == "```text\nplain\n```\n")
    }

    @Test func failureDetailsQuoteTheRelevantLinesAndHint() {
        #expect(md.contains("#### ✗ build — Build the image"))
        #expect(md.contains("**failed**, after 12s, exit code 1, 2 attempts: exit: expected 0, got 1 \\<script\\>"))
        #expect(md.contains("124│ last line"))
        #expect(md.contains("**Hint:** Is the base image there? \\`docker images\\`"))
        #expect(md.contains("#### ⊘ push — Push the image\n\n**blocked**: needs 'build', which failed\n\n"))
    }

    @Test func inlineEscapesTableBreakers() {
        #expect(MarkdownEscaper.inline("a|b\\c*d_e`f<g>h[i]j\nk") == "a\\|b\\\\c\\*d\\_e\\`f\\<g\\>h\\[i\\]j k")
    }
}
