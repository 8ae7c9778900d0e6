/// An RFC 4180 reader that knows where every cell is: records split on CRLF or LF, cells on
/// commas, `"…"` quoting with `""` for a quote and line breaks allowed inside quotes.
///
/// Lenient where hand-written rosters need it: a UTF-8 byte order mark is skipped, spaces and
/// tabs around a cell (and around its quotes) are dropped, a final line break is optional.
/// Strict where silence would hide a mistake: an unclosed quote, text after a closing quote
/// and a quote inside an unquoted cell are errors with their line and column.
struct CSVParser {
    /// The file name used in locations.
    let path: String

    /// The records of `text`, or the first syntax error.
    func parse(_ text: String) -> Result<[CSVRecord], DiagnosticError> {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var records: [CSVRecord] = []
        var index = 0
        var line = 1
        var column = 1
        func location() -> SourceLocation { SourceLocation(file: path, line: line, column: column) }
        func advance() {
            if scalars[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }
        func atLineEnd() -> Bool {
            index < scalars.count
                && (scalars[index] == "\n" || (scalars[index] == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n"))
        }
        func skipLineEnd() {
            if scalars[index] == "\r" { advance() }
            advance()
        }

        while index < scalars.count {
            let recordStart = location()
            var cells: [CSVCell] = []
            var recordEnd = recordStart
            cellLoop: while true {
                while index < scalars.count, isBlank(scalars[index]) { advance() }
                let cellStart = location()
                var text = String.UnicodeScalarView()
                var quoted = false
                if index < scalars.count, scalars[index] == "\"" {
                    quoted = true
                    advance()
                    var closed = false
                    while index < scalars.count {
                        if scalars[index] == "\"" {
                            if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                                text.append("\"")
                                advance()
                                advance()
                                continue
                            }
                            advance()
                            closed = true
                            break
                        }
                        text.append(scalars[index])
                        advance()
                    }
                    guard closed else {
                        return .failure(
                            DiagnosticError([.error("unclosed quote: this cell's opening quote has no closing quote", at: cellStart)]))
                    }
                    while index < scalars.count, isBlank(scalars[index]) { advance() }
                    if index < scalars.count, scalars[index] != ",", !atLineEnd() {
                        return .failure(
                            DiagnosticError([
                                .error(
                                    "unexpected text after the closing quote; a quote inside a quoted cell is written \"\"", at: location())
                            ]))
                    }
                } else {
                    while index < scalars.count, scalars[index] != ",", !atLineEnd() {
                        if scalars[index] == "\"" {
                            return .failure(
                                DiagnosticError([
                                    .error(
                                        "a quote inside an unquoted cell; quote the whole cell and double the quote (\"say \"\"hi\"\"\")",
                                        at: location())
                                ]))
                        }
                        text.append(scalars[index])
                        advance()
                    }
                    while let last = text.last, isBlank(last) { text.removeLast() }
                }
                cells.append(CSVCell(text: String(text), location: cellStart, quoted: quoted))
                if index < scalars.count, scalars[index] == "," {
                    advance()
                    continue cellLoop
                }
                recordEnd = location()
                if index < scalars.count { skipLineEnd() }
                break cellLoop
            }
            records.append(CSVRecord(cells: cells, location: recordStart, end: recordEnd))
        }
        return .success(records)
    }
}
