import Workflow

/// The presentation view of the board (`/?present=1`, SPEC 7.1), drawn by the server and kept by
/// the page's script: per step the number of learners who passed it, large, then the stuck
/// learners (with why) and the raised hands. No output, no hints, no failure reasons of steps.
struct BoardPresentation {
    /// The board now.
    let document: MatrixDocument
    /// Its rows in board order.
    let rows: [MatrixRow]

    /// The section.
    func render() -> String {
        var html = "<section class=\"present-view\" id=\"present\" aria-label=\"Presentation\">\n"
        html += "<ol class=\"present-steps\" id=\"present-steps\">\n"
        for (index, step) in document.steps.enumerated() {
            let title = step.title.flatMap { $0.isEmpty ? nil : $0 } ?? step.id
            html += "<li data-step=\"\(MarkupEscaper.attribute(step.id))\"><span class=\"pnum\">\(index + 1)</span>"
            html += "<span class=\"ptitle\">\(MarkupEscaper.escape(title))</span><span class=\"pline\">"
            html += "<b class=\"pcount\" data-step=\"\(MarkupEscaper.attribute(step.id))\">\(step.passed)</b>"
            html += "<span class=\"ptotal\">/ \(rows.count)</span></span></li>\n"
        }
        html += "</ol>\n<div class=\"present-side\">\n<h2>Stuck</h2>\n<ul id=\"present-stuck\">"
        html += list(rows.filter { $0.stuck != nil }) { $0.stuck ?? "" }
        html += "</ul>\n<h2>Hands up</h2>\n<ul id=\"present-hands\">"
        html += list(rows.filter { $0.hand != nil }) { "✋ " + ($0.hand?.step ?? "") }
        return html + "</ul>\n</div>\n</section>\n"
    }

    private func list(_ rows: [MatrixRow], why: (MatrixRow) -> String) -> String {
        guard !rows.isEmpty else { return "<li class=\"none\">none</li>" }
        return rows.map { row in
            var item = "<li><span class=\"lid\">\(MarkupEscaper.escape(row.id))</span>"
            if let name = row.name, !name.isEmpty { item += "<span class=\"name\">\(MarkupEscaper.escape(name))</span>" }
            return item + "<span class=\"why\">\(MarkupEscaper.escape(why(row)))</span></li>"
        }.joined()
    }
}
