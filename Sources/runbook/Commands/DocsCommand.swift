import ArgumentParser
import Authoring
import Foundation
import Frontend
import Steps
import Text
import Workflow

/// `runbook docs [RUNBOOK] [-o FILE] [--results RESULTS.json]`, `runbook docs --check FILE`: the
/// learner's Markdown from the runbook (SPEC 9).
struct DocsCommand: KindsCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Write the learner's Markdown from a runbook, or check that a file is up to date.",
        discussion: """
            Title and description, then per step its say: text, its command as `runbook guide` shows it, \
            a sample of a passing run's output (from --results) with what changes from run to run as \
            placeholders, its hints, and with --timings "about N min" from the JSON of \
            `runbook report --timings`. Commands are shown for learner `local` (or --learner) with each \
            var's default (or --var/--var-file); the runner's environment is never read, so every \
            machine writes the same bytes.
            Exit status: 0 written (--check: FILE is up to date), 1 --check: FILE differs (a diff is \
            printed), 2 invalid runbook, results, vars or arguments.
            """
    )

    @OptionGroup var path: RunbookPathArgument

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the Markdown to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Exit 1 with a diff when this file is not what would be written.", valueName: "file"))
    var check: String?

    @Option(name: .long, help: ArgumentHelp("A results.json, journal.jsonl or results folder to take samples from.", valueName: "results"))
    var results: String?

    @Option(
        name: .long,
        help: ArgumentHelp("The JSON of `runbook report --timings`: \"about N min\" per step and in all.", valueName: "file"))
    var timings: String?

    @Option(name: .long, help: ArgumentHelp("The learner the commands are shown for.", valueName: "id"))
    var learner = "local"

    @Option(name: .customLong("var"), help: ArgumentHelp("Set a var for the text; repeatable.", valueName: "name=value"))
    var vars: [String] = []

    @Option(name: .customLong("var-file"), help: ArgumentHelp("A YAML map of var values.", valueName: "file"))
    var varFile: String?

    @OptionGroup var options: OutputOptions

    func validate() throws {
        if output != nil && check != nil { throw ValidationError("give -o or --check, not both") }
        guard learner.range(of: "^[a-z0-9][a-z0-9_-]*$", options: .regularExpression) != nil else {
            throw ValidationError("--learner must match [a-z0-9][a-z0-9_-]*, got '\(learner)'")
        }
        for variable in vars where !variable.contains("=") { throw ValidationError("--var takes NAME=VALUE, got '\(variable)'") }
    }

    func run(kinds: KindRegistry) async throws {
        let runbook = try RunbookFileLoader.load(path.runbook, output: options.settings, registry: kinds)
        let target = output ?? check
        let directory = target.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path } ?? FileManager.default.currentDirectoryPath
        let scope: DocsScope
        do {
            scope = try DocsScope(runbook: runbook, learner: learner, layers: try layers(), directory: directory)
        } catch let error as VariableError {
            throw CommandFailure.located(error.location, error.message)
        }
        let samples = try results.map { try SampleOutput(results: loadResults($0, runbook: runbook)) }
        var renderer = DocsRenderer(runbook: runbook, scope: scope, samples: samples, registry: kinds, directory: directory)
        do {
            if let timings { renderer.timings = DocsTimings(timings: try TimingsFile.load(path: timings)) }
        } catch {
            throw CommandFailure(messages: [error.description], status: 2)
        }
        let markdown = renderer.render()
        if let check {
            try compare(markdown, with: check)
        } else if let output {
            do {
                try Data(markdown.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw failure("cannot write \(output): \(error.localizedDescription)")
            }
        } else {
            StandardStreams.out(markdown)
        }
    }

    /// Exit 0 when `file` holds `markdown`; else print a unified diff and exit 1.
    private func compare(_ markdown: String, with file: String) throws {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory)
        if isDirectory.boolValue { throw failure("\(file) is a folder") }
        let current: String
        if exists {
            guard let data = FileManager.default.contents(atPath: file) else { throw failure("cannot read \(file)") }
            current = String(decoding: data, as: UTF8.self)
        } else {
            current = ""
        }
        let diff = LineDiff.unified(old: current, new: markdown, oldName: file, newName: "\(file) (generated from \(path.runbook))")
        guard !diff.isEmpty else {
            if !options.quiet { StandardStreams.err("\(file): up to date with \(path.runbook)\n") }
            return
        }
        StandardStreams.out(diff)
        let sources = (results.map { " --results \($0)" } ?? "") + (timings.map { " --timings \($0)" } ?? "")
        let regenerate = "runbook docs \(path.runbook)\(sources) -o \(file)"
        let problem = exists ? "not what `runbook docs` generates" : "missing"
        throw CommandFailure(messages: ["\(file): \(problem); regenerate it with: \(regenerate)"], status: 1)
    }

    private func layers() throws -> VariableLayers {
        var layers = VariableLayers()
        if let varFile {
            switch VarFileLoader.load(path: varFile) {
            case .success(let values): layers.varFile = values
            case .failure(let error):
                throw CommandFailure.diagnostics(error.diagnostics, colored: options.colored(for: 2))
            }
        }
        for (index, assignment) in vars.enumerated() {
            let parts = assignment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            layers.commandLine[String(parts[0])] = VariableLayers.Value(
                text: parts.count > 1 ? String(parts[1]) : "", location: SourceLocation(file: "--var", line: 1, column: index + 1))
        }
        return layers
    }

    private func loadResults(_ path: String, runbook: Runbook) throws -> RunResults {
        let loaded: RunResults
        do {
            loaded = try ResultsLoader.load(path: path)
        } catch {
            throw failure("\(error)")
        }
        let ids = Set(runbook.steps.map(\.id))
        guard loaded.steps.contains(where: { ids.contains($0.id) }) else {
            throw failure("\(path): its steps are not those of \(self.path.runbook) (no step id in common)")
        }
        return loaded
    }

    /// `runbook: error: MESSAGE`, exit status 2.
    private func failure(_ message: String) -> CommandFailure {
        .usage(message)
    }
}
