import ArgumentParser
import Workflow

/// `--report FORMAT[:PATH]` is parsed by argument-parser, so that a bad value is a usage error (exit status 2).
extension ReportSpecification: ExpressibleByArgument {
    /// Parses `FORMAT[:PATH]`; nil for an unknown format or an empty path.
    public init?(argument: String) {
        guard let parsed = try? ReportSpecification(parsing: argument) else { return nil }
        self = parsed
    }
}
