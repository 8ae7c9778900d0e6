/// Reads a CSV roster: header `id,name,docker_host,docker_context,…`, any other column a var; an empty cell means "not set".
enum CSVRosterReader {
    static func read(bytes: [UInt8], path: String) -> Result<[Learner], DiagnosticError> {
        .failure(DiagnosticError([.error("CSV rosters are not supported yet; use YAML", at: SourceLocation(file: path, line: 1, column: 1))]))
    }
}
