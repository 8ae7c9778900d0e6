import ArgumentParser
import Foundation
import Workflow

/// Writes the reports asked for with `--report FORMAT[:PATH]` (default path `DIR/report.FORMAT`).
struct ReportWriter {
    let results: RunResults
    let outputDirectory: String

    func write(specifications: [String]) throws {
        for specification in specifications {
            let parts = specification.split(separator: ":", maxSplits: 1)
            let format = String(parts.first ?? "")
            let path = parts.count > 1 ? String(parts[1]) : "\(outputDirectory)/report.\(format)"
            switch format {
            case "json":
                try results.write(to: path)
            default:
                StandardStreams.err("error: unknown report format '\(format)'; use json, junit, tap, md, csv or html\n")
                throw ExitCode(2)
            }
        }
    }
}
