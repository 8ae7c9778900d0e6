/// Reads a CSV roster: header `id,name,…` (plus the backends' keys), any other column a var; an empty cell means "not set".
///
/// Every problem is reported with its `file:line:col`: a missing `id` column, an empty, invalid or
/// duplicate id, a header cell that is neither a learner key nor a var name, a repeated column, a
/// row with the wrong number of cells, and the syntax errors of `CSVParser` (unclosed quotes…).
enum CSVRosterReader {
    /// The learners of the CSV roster `bytes` read from `path`, or every problem found; columns named
    /// in `settingKeys` go to each learner's `settings`, `id` and `name` are the learner's own.
    static func read(bytes: [UInt8], path: String, settingKeys: [String]) -> Result<[Learner], DiagnosticError> {
        let knownColumns = ["id", "name"] + settingKeys + ["ports"]
        let headerExample = (["id", "name"] + settingKeys).joined(separator: ",") + ",…"
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(DiagnosticError([.error("the roster is not UTF-8 text", at: invalidUTF8Location(bytes, path: path))]))
        }
        let records: [CSVRecord]
        switch CSVParser(path: path).parse(text) {
        case .failure(let error): return .failure(error)
        case .success(let parsed): records = parsed.filter { !$0.isBlank }
        }
        guard let header = records.first else {
            return .failure(
                DiagnosticError([
                    .error(
                        "the roster is empty; it needs a header row: \(headerExample)", at: SourceLocation(file: path, line: 1, column: 1))
                ]))
        }
        var diagnostics: [Diagnostic] = []
        var columns: [String] = []
        var firstColumn: [String: SourceLocation] = [:]
        for cell in header.cells {
            let name = cell.text
            columns.append(name)
            if name.isEmpty {
                diagnostics.append(.error("empty column name in the header", at: cell.location))
            } else if let first = firstColumn[name] {
                diagnostics.append(.error("column '\(name)' appears twice (first at column \(first.column))", at: cell.location))
            } else {
                firstColumn[name] = cell.location
                if !knownColumns.contains(name) && !TemplateParser.isVariableName(name) {
                    diagnostics.append(
                        .error(
                            "column '\(name)' is neither \(knownColumns.joined(separator: ", ")) nor a var name ([A-Za-z_][A-Za-z0-9_]*)",
                            at: cell.location))
                }
            }
        }
        guard firstColumn["id"] != nil else {
            diagnostics.append(
                .error("the header has no `id` column; the first row must name the columns: \(headerExample)", at: header.location))
            return .failure(DiagnosticError(diagnostics))
        }
        var learners: [Learner] = []
        var seen: [String: Int] = [:]
        for record in records.dropFirst() {
            guard record.cells.count == columns.count else {
                let at = record.cells.count > columns.count ? record.cells[columns.count].location : record.end
                diagnostics.append(
                    .error(
                        "this row has \(record.cells.count) cell\(record.cells.count == 1 ? "" : "s") but the header has \(columns.count)",
                        at: at))
                continue
            }
            var learner = Learner(id: "", location: record.location)
            var valid = true
            for (index, cell) in record.cells.enumerated() {
                let column = columns[index]
                guard firstColumn[column] == header.cells[index].location else { continue }  // a repeated column, already an error
                let value: String? = cell.text.isEmpty ? nil : cell.text
                switch column {
                case "id":
                    guard let id = value else {
                        diagnostics.append(.error("a learner needs an id", at: cell.location))
                        valid = false
                        continue
                    }
                    if !RosterLoader.isValidId(id) {
                        diagnostics.append(.error("learner id '\(id)' must match [a-z0-9][a-z0-9_-]*", at: cell.location))
                        valid = false
                    } else if let line = seen[id] {
                        diagnostics.append(.error("duplicate learner id '\(id)' (first on line \(line))", at: cell.location))
                        valid = false
                    } else {
                        seen[id] = cell.location.line
                    }
                    learner.id = id
                case "name": learner.name = value
                case "ports":
                    guard let value else { continue }
                    learner.ports = Learner.portRange(value)
                    if learner.ports == nil {
                        diagnostics.append(.error(RosterLoader.badPorts(value), at: cell.location))
                        valid = false
                    }
                default:
                    if settingKeys.contains(column) {
                        if let value { learner.settings[column] = value }
                    } else if let value {
                        learner.vars[column] = value
                        learner.varLocations[column] = cell.location
                    }
                }
            }
            if valid { learners.append(learner) }
        }
        diagnostics += RosterLoader.overlappingPorts(learners)
        if learners.isEmpty && !diagnostics.containsErrors {
            diagnostics.append(.error("the roster has no learners: only a header row", at: header.location))
        }
        return diagnostics.containsErrors ? .failure(DiagnosticError(diagnostics)) : .success(learners)
    }

    /// Where the first invalid UTF-8 sequence is, counting columns in scalars before it.
    private static func invalidUTF8Location(_ bytes: [UInt8], path: String) -> SourceLocation {
        var line = 1
        var lineStart = 0
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            guard length > 0, offset + length <= bytes.count,
                String(validating: bytes[offset..<(offset + length)], as: UTF8.self) != nil
            else { break }
            if byte == 0x0A {
                line += 1
                lineStart = offset + 1
            }
            offset += length
        }
        let column = (String(validating: bytes[lineStart..<offset], as: UTF8.self)?.unicodeScalars.count ?? 0) + 1
        return SourceLocation(file: path, line: line, column: column)
    }
}
