/// Lays out rows in aligned columns, cutting the last column to fit a terminal width.
///
/// Cells come from the runbook (ids, titles, commands): control characters in them are shown
/// as `^X` (`VisibleText`), never sent to the terminal raw, and widths are measured on that.
public struct TableRenderer {
    /// Column headings.
    public let headers: [String]
    /// Data rows, each with as many cells as headers.
    public var rows: [[String]] = []

    /// A table with these column headings and no row yet.
    public init(headers: [String]) {
        self.headers = headers
    }

    /// The table as text, one line per row, headed by `headers`.
    public func render(maxWidth: Int?, style: TerminalStyle) -> String {
        let all = ([headers] + rows).map { $0.map(VisibleText.sanitize) }
        var widths = headers.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        if let maxWidth {
            let fixed = widths.dropLast().reduce(0, +) + 2 * (widths.count - 1)
            widths[widths.count - 1] = max(10, min(widths[widths.count - 1], maxWidth - fixed))
        }
        var output = ""
        for (rowIndex, row) in all.enumerated() {
            var cells: [String] = []
            for (column, cell) in row.enumerated() {
                var text = cell
                if text.count > widths[column] { text = String(text.prefix(widths[column] - 1)) + "…" }
                let padded = column == row.count - 1 ? text : text + String(repeating: " ", count: widths[column] - text.count)
                cells.append(rowIndex == 0 ? style.bold(padded) : padded)
            }
            output += cells.joined(separator: "  ") + "\n"
        }
        return output
    }
}
