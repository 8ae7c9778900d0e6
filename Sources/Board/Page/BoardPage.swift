import Foundation
import Workflow

/// The class board (`GET /`, SPEC 7): one self-contained page with the HTML report's style and
/// learner × step matrix (`ReportMatrix`), stuck learners first, raised hands, the count passed
/// per step; a small inline script (allowed by its nonce only) applies the server-sent events
/// without a reload and opens a cell's failure, hint and command. The presentation view
/// (`?present=1`, or `p`) shows only the pass counts, large, the stuck list and raised hands:
/// what an instructor projects (SPEC 7.1). Every learner text is escaped; no token is in the page.
struct BoardPage {
    /// The board now.
    let document: MatrixDocument
    /// The join URL to show.
    let joinURL: String
    /// The nonce of the page's script.
    let nonce: String
    /// Start in the presentation view.
    var present = false

    /// The whole page.
    func render() -> String {
        let matrix = ReportMatrix(results: BoardResults.from(document))
        let rows = BoardRowOrder.sorted(document.learners)
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <meta name="referrer" content="no-referrer" />
            <title>\(h(matrix.runbookTitle)) · class board</title>
            <style>\(HTMLStyle.css)\(BoardPageStyle.css)\(InstructorStreamSection.css)</style>
            </head>
            <body class="\(present ? "board present" : "board")">
            <header class="page">
            <p class="eyebrow">Class board <span id="live" class="live" data-state="connecting">connecting…</span>
            <button type="button" id="present-toggle" class="present-toggle" title="Presentation view (p)">present (p)</button></p>
            <h1>\(h(matrix.runbookTitle))</h1>
            <p class="join">Learners join with <code>runbook guide --join \(h(joinURL)) --learner ID</code></p>
            </header>
            <main>

            """
        html += summary(rows)
        html += BoardPresentation(document: document, rows: rows).render()
        html += table(matrix: matrix, rows: rows)
        html += legend(matrix)
        if !present { html += InstructorStreamSection.html }  // type-along (SPEC 11.2)
        html += "</main>\n"
        html += detailPanel()
        html += "<script type=\"application/json\" id=\"board-data\">\(embeddedJSON())</script>\n"
        let typeAlong = present ? "" : InstructorStreamSection.script  // type-along (SPEC 11.2), in the page's one script
        html += "<script nonce=\"\(h(nonce))\">\(BoardPageScript.source)\(typeAlong)</script>\n"
        html += "</body>\n</html>\n"
        return html
    }

    private func summary(_ rows: [MatrixRow]) -> String {
        let total = countedSteps
        let done = rows.filter { total > 0 && $0.passed == total }.count
        let stuck = rows.filter { $0.stuck != nil }.count
        let hands = rows.filter { $0.hand != nil }.count
        var html = "<section class=\"board-summary\" id=\"summary\" aria-label=\"Summary\">"
        html += "<span><b data-count=\"learners\">\(rows.count)</b> learners</span>"
        html += "<span class=\"s-passed-text\"><b data-count=\"done\">\(done)</b> done</span>"
        html += "<span class=\"s-failed-text\"><b data-count=\"stuck\">\(stuck)</b> stuck</span>"
        html += "<span class=\"hand-text\"><b data-count=\"hands\">\(hands)</b> hands up</span>"
        html += BoardPace.summary(document, rows: rows)
        return html + "</section>\n"
    }

    private func table(matrix: ReportMatrix, rows: [MatrixRow]) -> String {
        var html = "<div class=\"table-wrap board-wrap\"><table class=\"matrix board-matrix\" id=\"matrix\">\n<thead><tr>"
        html += "<th scope=\"col\" class=\"who\">Learner</th>"
        for (index, step) in matrix.steps.enumerated() {
            let title = matrix.title(of: step)
            html += "<th scope=\"col\" class=\"step\" title=\"\(attribute(step.id + (title.isEmpty ? "" : ": " + title)))\">"
            html += "<span class=\"num\">\(index + 1)</span><span class=\"sid\">\(h(step.id))</span></th>"
        }
        html += "<th scope=\"col\" class=\"score\">Passed</th></tr></thead>\n<tbody id=\"rows\">\n"
        for row in rows { html += self.row(row, matrix: matrix) }
        html += "</tbody>\n<tfoot><tr><th scope=\"row\" class=\"who\">Passed</th>"
        for step in document.steps {
            html += "<td class=\"count\" data-step=\"\(attribute(step.id))\">\(step.passed)</td>"
        }
        html += "<td class=\"score\"></td></tr></tfoot>\n</table></div>\n"
        return html
    }

    /// One learner's row; the script builds the same from a `MatrixRow`.
    private func row(_ row: MatrixRow, matrix: ReportMatrix) -> String {
        var classes: [String] = []
        if row.stuck != nil { classes.append("stuck") }
        if row.hand != nil { classes.append("hand") }
        var html = "<tr data-learner=\"\(attribute(row.id))\" class=\"\(classes.joined(separator: " "))\">"
        html += "<th scope=\"row\" class=\"who\"><div class=\"who-line\">"
        if let stuck = row.stuck { html += "<span class=\"flag stuck-flag\" title=\"\(attribute(stuck))\">stuck</span>" }
        if let hand = row.hand {
            html += "<span class=\"flag hand-flag\" title=\"hand raised at \(attribute(hand.step))\">✋ \(h(hand.step))</span>"
        }
        html += BoardPace.flag(row)
        html += "<span class=\"lid\">\(h(row.id))</span>"
        if let name = row.name, !name.isEmpty { html += "<span class=\"name\">\(h(name))</span>" }
        html += "</div></th>"
        for step in matrix.steps {
            guard let result = matrix.result(learner: row.id, step: step.id) else {
                html += "<td class=\"cell s-missing\" data-step=\"\(attribute(step.id))\" title=\"not run\">"
                html += "<span class=\"sym\">·</span></td>"
                continue
            }
            var tip = "\(step.id): \(result.status.rawValue)"
            if let reason = result.reason, !reason.isEmpty { tip += " — " + reason }
            html += "<td class=\"cell s-\(result.status.rawValue)\" data-step=\"\(attribute(step.id))\" title=\"\(attribute(tip))\">"
            html += "<button type=\"button\"><span class=\"sym\">\(result.status.symbol)</span>\(BoardPace.hintsSeen(result.hintsShown))"
            if result.undone == true { html += "<sup class=\"undone\" title=\"done, since undone\">↺</sup>" }
            if result.environment == true { html += "<sup class=\"env\" title=\"a fact of the machine, not counted\">env</sup>" }
            html += "<span class=\"sr\"> \(result.status.rawValue)</span></button></td>"
        }
        html += "<td class=\"score\">\(row.passed)/\(countedSteps)</td></tr>\n"
        return html
    }

    /// The steps that count for a learner: all but facts of the machine (SPEC 6.11).
    private var countedSteps: Int { document.steps.filter { $0.environment != true }.count }

    private func legend(_ matrix: ReportMatrix) -> String {
        var html = "<p class=\"legend\">"
        for status in StepStatus.allCases {
            html += "<span class=\"chip s-\(status.rawValue)\"><span class=\"sym\">\(status.symbol)</span> \(status.rawValue)</span> "
        }
        html += "<span class=\"chip s-missing\"><span class=\"sym\">·</span> not run</span></p>\n<ol class=\"step-key\">\n"
        for step in matrix.steps { html += "<li><code>\(h(step.id))</code> \(h(matrix.title(of: step)))</li>\n" }
        return html + "</ol>\n"
    }

    private func detailPanel() -> String {
        """
        <aside id="detail" class="detail" hidden aria-live="polite">
        <button type="button" id="detail-close" class="close" aria-label="Close">×</button>
        <h2 id="detail-title"></h2>
        <p id="detail-status" class="facts"></p>
        <pre id="detail-command" class="command"></pre>
        <pre id="detail-explanation" class="explanation"></pre>
        <pre id="detail-output" class="output"></pre>
        <p id="detail-hint" class="hint"></p>
        </aside>

        """
    }

    /// The board as JSON inside a `<script type="application/json">`: `<`, `>` and `&` as
    /// `\u…` escapes, so that no learner text can close the element.
    private func embeddedJSON() -> String {
        let data = (try? JSONEncoder.runbook.encode(document)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return data.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }

    private func h(_ text: String) -> String { MarkupEscaper.escape(text) }
    private func attribute(_ text: String) -> String { MarkupEscaper.attribute(text) }
}
