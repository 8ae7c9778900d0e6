/// Why a report cannot be asked for, built or written.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A format name that is not one of `ReportFormat`'s.
    case unknownFormat(String)
    /// `FORMAT:` with nothing after the colon.
    case emptyPath(String)
    /// The report could not be written to the path.
    case cannotWrite(path: String, reason: String)

    /// The message printed after `error: `.
    public var description: String {
        switch self {
        case .unknownFormat(let name):
            let shown = ControlCharacters.singleLine(name)
            return shown.isEmpty
                ? "a report needs a format: \(ReportFormat.validNames)"
                : "unknown report format '\(shown)'; use \(ReportFormat.validNames)"
        case .emptyPath(let specification):
            return "'\(ControlCharacters.singleLine(specification))' names no file after the colon; write FORMAT or FORMAT:PATH"
        case .cannotWrite(let path, let reason):
            return "cannot write the report \(path): \(reason)"
        }
    }
}
