/// Writes CSV cells (RFC 4180) that spreadsheets cannot turn into formulas (SPEC 5).
public enum CSVEscaper {
    /// Characters that make a spreadsheet read a cell as a formula when they come first.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// One cell: controls made visible, a leading `'` before a formula start, quoted when it holds
    /// a comma, a quote or a line break (quotes doubled).
    public static func cell(_ text: String) -> String {
        var value = ControlCharacters.visible(text.replacingOccurrences(of: "\r\n", with: "\n"))
        if let first = value.unicodeScalars.first, formulaStarts.contains(first) { value = "'" + value }
        guard value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record: the cells joined with commas, ended with CRLF as RFC 4180 asks.
    public static func record(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }
}
