import ArgumentParser
import Foundation
import Frontend
import Workflow

/// `runbook report RESULTS.json|journal.jsonl… --format F [-o PATH] [--force]`: renders results
/// in a format, merging several runs (the latest result of each learner × step wins).
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render or merge results: json, junit, tap, md, csv, html or github.",
        discussion: """
            Each input is a results.json, a journal.jsonl (a run that crashed is recovered from its \
            journal) or a results folder. With several inputs, the latest result by end time wins for \
            each learner × step; inputs from different runbooks are refused unless --force.
            With --format github, the failing steps are annotated (workflow commands on standard output) and \
            the checklist is appended to -o PATH, else to $GITHUB_STEP_SUMMARY, else printed.
            With --merge, the inputs are the shards of one run (--shard I/N): a missing or duplicated shard, \
            a learner in two shards, or a roster or runbook that differs is refused, naming the culprit; \
            a roster learner without any result is shown as "not run".
            With --timings, the inputs are journals (journal.jsonl, results folders, folders of them, a board's store): \
            per step n, median and p90 of the time from the step shown (guide) or started (run) to its first pass, \
            idle stretches of more than 10 minutes left out; --format json (the default), md, csv or html.
            Exit status: 0 written, 2 unreadable input, runbooks differ, or invalid arguments.
            """
    )

    @Argument(help: ArgumentHelp("results.json, journal.jsonl or a results folder; several are merged.", valueName: "results"))
    var inputs: [String]

    @Option(
        name: .long,
        help: ArgumentHelp("The format: json, junit, tap, md, csv, html or github (with --merge, default json).", valueName: "format"))
    var format: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "path"))
    var output: String?

    @Flag(name: .long, help: "Merge inputs even when they come from different runbooks.")
    var force = false

    @Flag(name: .long, help: "Join the shards of one sharded run (--shard I/N): every shard once, one runbook, one roster.")
    var merge = false

    @Option(name: .customLong("expect-shards"), help: ArgumentHelp("With --merge: the number of shards the run had.", valueName: "n"))
    var expectShards: Int?

    @Flag(name: .long, help: "Per step n, median and p90 of the learners' time to its first pass, from their journals.")
    var timings = false

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one results.json or journal.jsonl") }
        if timings && merge { throw ValidationError("--timings and --merge do not go together") }
        if format == nil && !merge && !timings { throw ValidationError("Missing expected argument '--format <format>'") }
        if expectShards != nil && !merge { throw ValidationError("--expect-shards goes with --merge") }
        if let expectShards, expectShards < 1 { throw ValidationError("--expect-shards must be at least 1") }
        if merge && force { throw ValidationError("--force does not apply to --merge: shards of one run share their runbook") }
    }

    func run() async throws {
        let format: ReportFormat
        do {
            format = try ReportFormat(parsing: self.format ?? ReportFormat.json.rawValue)
        } catch {
            throw failure("\(error)")
        }
        if timings { return try writeTimings(format) }
        var loaded: [ResultsMerger.Input] = []
        for input in inputs {
            do {
                loaded.append(ResultsMerger.Input(name: input, results: try ResultsLoader.load(path: input)))
            } catch {
                throw failure("\(error)")
            }
        }
        let results: RunResults
        do {
            results = merge ? try ShardMerger(expectedShards: expectShards).merge(loaded) : try ResultsMerger(force: force).merge(loaded)
        } catch {
            throw failure("\(error)")
        }
        let renderer = ReportRenderer(results: results)
        if format == .github, let summary = output ?? ReportWriter.stepSummary(ProcessInfo.processInfo.environment) {
            do {
                try ReportWriter.github(results, summary: summary, environment: ProcessInfo.processInfo.environment)
            } catch {
                throw failure("\(error)")
            }
            return
        }
        if format == .github {
            for line in GitHubReporter(results: results).annotations() { StandardStreams.out(line + "\n") }
        }
        if let output {
            do {
                try renderer.write(format, to: output)
            } catch {
                throw failure("\(error)")
            }
        } else {
            do {
                StandardStreams.out(try renderer.render(format))
            } catch {
                throw failure("cannot render the report: \(error)")
            }
        }
    }

    /// `error: message` and exit status 2.
    func failure(_ message: String) -> CommandFailure {
        .usage(message)
    }
}
