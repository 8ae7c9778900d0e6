/// One `--report FORMAT[:PATH]` request: which format, and where it goes.
public struct ReportSpecification: Sendable, Hashable {
    /// The format.
    public var format: ReportFormat
    /// The path given after the colon, if any.
    public var path: String?

    /// Creates a specification.
    public init(format: ReportFormat, path: String? = nil) {
        self.format = format
        self.path = path
    }

    /// Parses `FORMAT` or `FORMAT:PATH` (the path may itself hold colons).
    public init(parsing text: String) throws(ReportError) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        format = try ReportFormat(parsing: String(parts[0]))
        if parts.count > 1 {
            guard !parts[1].isEmpty else { throw .emptyPath(text) }
            path = String(parts[1])
        }
    }

    /// Where the report goes for results in `directory`: the path given, or `DIR/report.FORMAT`.
    public func resolvedPath(in directory: String) -> String {
        if let path { return path }
        return directory.hasSuffix("/") ? directory + format.defaultFileName : "\(directory)/\(format.defaultFileName)"
    }
}
