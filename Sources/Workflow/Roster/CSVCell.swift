/// One cell of a CSV file, with where it starts (for `file:line:col` errors).
struct CSVCell: Sendable, Hashable {
    /// The text, unquoted (`""` turned into `"`); unquoted cells are trimmed of spaces and tabs.
    var text: String
    /// Where the cell starts: its first character, or its opening quote.
    var location: SourceLocation
    /// True when the cell was written in quotes.
    var quoted: Bool
}
