/// One record (row) of a CSV file: its cells and where it starts.
struct CSVRecord: Sendable {
    /// The cells, left to right.
    var cells: [CSVCell]
    /// Where the record starts.
    var location: SourceLocation
    /// Where the record ends (the line feed, or the end of the file), for "missing cell" errors.
    var end: SourceLocation

    /// True for a line with nothing on it.
    var isBlank: Bool { cells.count == 1 && cells[0].text.isEmpty && !cells[0].quoted }
}
