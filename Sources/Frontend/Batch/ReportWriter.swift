import Foundation
import Workflow

/// Writes the reports asked for with `--report FORMAT[:PATH]` (default path `DIR/report.FORMAT`).
public struct ReportWriter {
    /// The results reported.
    public let results: RunResults
    /// The run's results folder, where reports without a path go.
    public let outputDirectory: String
    /// The environment (`GITHUB_STEP_SUMMARY`, `GITHUB_WORKSPACE`).
    public var environment = ProcessInfo.processInfo.environment

    /// A writer of `results`' reports; those without a path go to `outputDirectory`.
    public init(results: RunResults, outputDirectory: String) {
        self.results = results
        self.outputDirectory = outputDirectory
    }

    /// Writes every report; one that cannot be written is reported, the others are still written;
    /// returns the paths written and the problems.
    public func write(_ specifications: [ReportSpecification]) -> (written: [String], problems: [String]) {
        let renderer = ReportRenderer(results: results)
        var written: [String] = []
        var problems: [String] = []
        for specification in specifications {
            let path =
                specification.path ?? (specification.format == .github ? Self.stepSummary(environment) : nil)
                ?? specification.resolvedPath(in: outputDirectory)
            do {
                if specification.format == .github {
                    try Self.github(results, summary: path, environment: environment)
                } else {
                    try renderer.write(specification.format, to: path)
                }
                written.append(path)
            } catch {
                problems.append("\(error)")
            }
        }
        return (written, problems)
    }

    /// `--report github`: the annotations of the failing steps on standard output, where the
    /// runner reads workflow commands, and the checklist appended to the `summary` file.
    public static func github(_ results: RunResults, summary path: String, environment: [String: String]) throws(ReportError) {
        let reporter = GitHubReporter(results: results, workspace: environment["GITHUB_WORKSPACE"])
        for line in reporter.annotations() { StandardStreams.out(line + "\n") }
        if !(try reporter.appendSummary(to: path)) {
            Warning.print("\(path) is full (GitHub keeps 1 MiB of a step's summary); the checklist was not added")
        }
    }

    /// `$GITHUB_STEP_SUMMARY`, when set.
    public static func stepSummary(_ environment: [String: String]) -> String? {
        environment["GITHUB_STEP_SUMMARY"].flatMap { $0.isEmpty ? nil : $0 }
    }
}
