import ArgumentParser
import Foundation
import Workflow

/// Writes the reports asked for with `--report FORMAT[:PATH]` (default path `DIR/report.FORMAT`).
struct ReportWriter {
    /// The results reported.
    let results: RunResults
    /// The run's results folder, where reports without a path go.
    let outputDirectory: String

    /// Checks every `--report` before anything runs: an unknown format or an empty path exits 2.
    static func validate(specifications: [String]) throws {
        _ = try parse(specifications)
    }

    /// Writes every report; one that cannot be written is reported, the others are still written,
    /// and the command then exits 2.
    func write(specifications: [String]) throws {
        let renderer = ReportRenderer(results: results)
        var failed = false
        for specification in try Self.parse(specifications) {
            do {
                try renderer.write(specification.format, to: specification.resolvedPath(in: outputDirectory))
            } catch {
                StandardStreams.err("error: \(error)\n")
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }

    /// The parsed specifications, or an error message and exit status 2.
    private static func parse(_ specifications: [String]) throws -> [ReportSpecification] {
        var parsed: [ReportSpecification] = []
        for specification in specifications {
            do {
                parsed.append(try ReportSpecification(parsing: specification))
            } catch {
                StandardStreams.err("error: --report \(ControlCharacters.singleLine(specification)): \(error)\n")
                throw ExitCode(2)
            }
        }
        return parsed
    }
}
