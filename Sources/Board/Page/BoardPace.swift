import Workflow

/// What the board page shows of hints and timings: the hints a learner saw in a cell (SPEC 11.1);
/// with `serve --timings`, a flag on learners behind the room's median on their current step and
/// their count in the summary (SPEC 11.3). The page's script draws the same from the JSON.
enum BoardPace {
    /// The summary's count of learners behind the room's median; empty without timings.
    static func summary(_ document: MatrixDocument, rows: [MatrixRow]) -> String {
        guard document.steps.contains(where: { $0.medianSeconds != nil }) else { return "" }
        let behind = rows.filter { $0.behind != nil && $0.stuck == nil }.count
        return "<span class=\"behind-text\"><b data-count=\"behind\">\(behind)</b> behind the room's median</span>"
    }

    /// The `behind` flag of a row (not on a stuck learner, whose flag says more).
    static func flag(_ row: MatrixRow) -> String {
        guard let behind = row.behind, row.stuck == nil else { return "" }
        return "<span class=\"flag behind-flag\" title=\"\(MarkupEscaper.attribute(behind))\">behind</span>"
    }

    /// A cell's count of hints seen, as a superscript; empty for none.
    static func hintsSeen(_ count: Int?) -> String {
        guard let count, count > 0 else { return "" }
        return "<sup class=\"hints\" title=\"\(count) hint\(count == 1 ? "" : "s") seen\">\(count)</sup>"
    }
}
