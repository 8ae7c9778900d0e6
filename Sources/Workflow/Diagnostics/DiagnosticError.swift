/// Thrown when an input file has errors: carries every diagnostic found, errors and warnings.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// All diagnostics, sorted by position.
    public var diagnostics: [Diagnostic]

    /// Creates the error from diagnostics, sorting them by position.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sortedByPosition()
    }

    /// The diagnostics one per line, without source excerpts.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

extension Array where Element == Diagnostic {
    /// Sorted by file, line and column; ties keep their order of discovery.
    public func sortedByPosition() -> [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            lhs.element.location == rhs.element.location
                ? lhs.offset < rhs.offset : lhs.element.location < rhs.element.location
        }.map(\.element)
    }

    /// True when at least one diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
