/// Why several results cannot be merged into one report.
public enum ResultsMergeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing to merge.
    case noInputs
    /// The inputs come from different runbooks (their sha256 differ); `--force` merges them anyway.
    case runbooksDiffer([ResultsMerger.RunbookOrigin])

    /// The message printed after `error: `.
    public var description: String {
        switch self {
        case .noInputs:
            return "no results to report"
        case .runbooksDiffer(let origins):
            let lines = origins.map { origin in
                "  \(origin.input): \(ControlCharacters.singleLine(origin.runbook.path)) sha256 \(origin.runbook.sha256.prefix(12))"
                    + (origin.runbook.title.map { " (\(ControlCharacters.singleLine($0)))" } ?? "")
            }
            return "the inputs come from different runbooks; merge them anyway with --force:\n" + lines.joined(separator: "\n")
        }
    }
}
