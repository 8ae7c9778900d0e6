import ArgumentParser
import Board
import Foundation
import Frontend
import Workflow

/// Options of every command that runs steps (SPEC 3).
struct RunOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("Roster of learners (YAML or CSV).", valueName: "file"),
        completion: .file(extensions: ["yaml", "yml", "csv"]))
    var learners: String?

    @Option(
        name: .long, help: ArgumentHelp("Only these learners of the roster (comma-separated ids).", valueName: "ids"),
        completion: .custom { words, _, prefix in CompletionCandidates.learners(words: words, prefix: prefix, list: true) })
    var learner: String?

    @Option(name: .long, help: ArgumentHelp("Learners run at once.", valueName: "n"))
    var jobs: Int = 4

    @Option(name: .customLong("var"), help: ArgumentHelp("Set a var (highest precedence); repeatable.", valueName: "name=value"))
    var vars: [String] = []

    @Option(
        name: .customLong("var-file"), help: ArgumentHelp("A YAML map of var values.", valueName: "file"),
        completion: .file(extensions: ["yaml", "yml"]))
    var varFile: String?

    @Option(
        name: .long, help: ArgumentHelp("Run only these steps (comma-separated ids).", valueName: "ids"),
        completion: .custom { words, _, prefix in CompletionCandidates.steps(words: words, prefix: prefix, list: true) })
    var only: String?

    @Option(
        name: .long, help: ArgumentHelp("Skip these steps (comma-separated ids).", valueName: "ids"),
        completion: .custom { words, _, prefix in CompletionCandidates.steps(words: words, prefix: prefix, list: true) })
    var skip: String?

    @Option(
        name: .long, help: ArgumentHelp("Start at this step; earlier ones are not selected.", valueName: "id"),
        completion: .custom { words, _, prefix in CompletionCandidates.steps(words: words, prefix: prefix, list: false) })
    var from: String?

    @Flag(name: .long, help: "Stop the whole run at the first failure.")
    var failFast = false

    @Flag(name: .long, help: "Keep each learner's ${workdir} after run and selftest (check and guide always keep it).")
    var keepWorkdir = false

    @Flag(name: .long, help: "Ask Docker engines through the docker CLI only, never through the Engine API (same as RUNBOOK_ENGINE_CLI=1).")
    var engineCli = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also write a report: json, junit, tap, md, csv, html or github ($GITHUB_STEP_SUMMARY and annotations), "
                + "optionally :PATH; repeatable.",
            valueName: "format[:path]"),
        transform: { text in try ReportSpecification(parsing: text) })
    var report: [ReportSpecification] = []

    @Option(
        name: .long, help: ArgumentHelp("Results folder (must be empty or absent); default ./runbook-results/RUN_ID.", valueName: "dir"),
        completion: .directory)
    var out: String?

    // Class board (SPEC 7): `run`/`check --publish URL`, `guide --join URL`; one option, two spellings.
    @Option(
        name: [.customLong("publish"), .customLong("join")],
        help: ArgumentHelp("Send progress to a class board: the join URL runbook serve printed.", valueName: "url"))
    var board: String?

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        for variable in vars where !variable.contains("=") {
            throw ValidationError("--var takes NAME=VALUE, got '\(variable)'")
        }
        if let board {
            do { _ = try JoinURL(board) } catch { throw ValidationError(error.description) }
        }
    }

    /// The options as plain values, for the run's preparation.
    var settings: RunSettings {
        var settings = RunSettings()
        settings.learners = learners
        settings.learner = learner
        settings.jobs = jobs
        settings.vars = vars
        settings.varFile = varFile
        settings.only = only
        settings.skip = skip
        settings.from = from
        settings.failFast = failFast
        settings.keepWorkdir = keepWorkdir
        settings.engineCli = engineCli
        settings.report = report
        settings.out = out
        settings.board = board
        return settings
    }
}
