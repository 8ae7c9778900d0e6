import Foundation
import Workflow

/// Writes the reports asked for with `--report FORMAT[:PATH]` (default path `DIR/report.FORMAT`).
struct ReportWriter {
    /// The results reported.
    let results: RunResults
    /// The run's results folder, where reports without a path go.
    let outputDirectory: String

    /// Writes every report; one that cannot be written is reported, the others are still written;
    /// returns the paths written and the problems.
    func write(_ specifications: [ReportSpecification]) -> (written: [String], problems: [String]) {
        let renderer = ReportRenderer(results: results)
        var written: [String] = []
        var problems: [String] = []
        for specification in specifications {
            let path = specification.resolvedPath(in: outputDirectory)
            do {
                try renderer.write(specification.format, to: path)
                written.append(path)
            } catch {
                problems.append("\(error)")
            }
        }
        return (written, problems)
    }
}
