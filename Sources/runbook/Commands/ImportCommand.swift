import ArgumentParser
import Authoring
import Foundation
import Frontend
import Steps
import Workflow

/// `runbook import TUTORIAL.md [-o FILE]`: drafts a runbook from a Markdown tutorial (SPEC 9).
struct ImportCommand: KindsCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Draft a runbook from a Markdown tutorial.",
        discussion: """
            Each command of the tutorial becomes a step: the lines of console/shell/sh/bash blocks (or \
            of any block with `$ ` prompts), and code spans in the text that start with `docker ` or \
            `nvidia-docker `. The output shown after a command becomes its expectations. Every guess is \
            marked with a `# drafted:` comment. The draft is validated as it is made: a step that \
            does not validate is written as a comment, with the error.
            Exit status: 0 written and valid, 1 written but not valid (the problems are printed), \
            2 unreadable tutorial, no command in it, or invalid arguments.
            """
    )

    @Argument(help: ArgumentHelp("The tutorial, in Markdown (any file name).", valueName: "tutorial"))
    var tutorial: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the draft to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Overwrite the -o file when it exists.")
    var force = false

    @OptionGroup var options: OutputOptions

    func run(kinds: KindRegistry) async throws {
        guard let data = FileManager.default.contents(atPath: tutorial) else {
            let reason = FileManager.default.fileExists(atPath: tutorial) ? "cannot read the file" : "no such file"
            throw failure("\(tutorial): \(reason)")
        }
        if let output, FileManager.default.fileExists(atPath: output), !force {
            throw failure("\(output) exists; pass --force to overwrite it")
        }
        let name = (tutorial as NSString).lastPathComponent
        let draft = TutorialImporter.draft(
            markdown: String(decoding: data, as: UTF8.self), source: name, registry: kinds, path: output ?? "draft.yaml")
        guard draft.stepCount > 0 else {
            throw failure("\(tutorial): no command found (console, shell, sh or bash blocks, `$ ` prompts, or `docker …` in code spans)")
        }
        let yaml = draft.yaml
        let target = output ?? "draft.yaml"
        let checked = RunbookLoader(registry: kinds).load(bytes: Array(yaml.utf8), path: target)
        if let output {
            do {
                try Data(yaml.utf8).write(to: URL(fileURLWithPath: output))
            } catch {
                throw failure("cannot write \(output): \(error.localizedDescription)")
            }
        } else {
            StandardStreams.out(yaml)
        }
        let errors = checked.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            let count = "\(errors.count) error\(errors.count == 1 ? "" : "s")"
            let message = "\(target): the draft does not validate (\(count)); please report it"
            throw CommandFailure(
                diagnostics: errors, sources: [checked.source], messages: [message], status: 1, colored: options.colored(for: 2))
        }
        if !options.quiet {
            let remarks = yaml.components(separatedBy: "# drafted:").count - 1
            let steps = draft.stepCount
            StandardStreams.err(
                "\(tutorial): \(steps) step\(steps == 1 ? "" : "s") drafted\(output.map { " into \($0)" } ?? ""), "
                    + "\(remarks) remark\(remarks == 1 ? "" : "s") marked `# drafted:`"
                    + (draft.commentedOut == 0 ? "" : ", \(draft.commentedOut) commented out (they do not validate)") + "\n")
        }
    }

    /// `runbook: error: MESSAGE`, exit status 2.
    private func failure(_ message: String) -> CommandFailure {
        .usage(message)
    }
}
