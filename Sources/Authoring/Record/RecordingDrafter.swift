import Foundation
import Text
import Workflow

/// `runbook record`'s draft: the recorded commands through the same drafter as `runbook import`
/// (`DraftBuilder`, each program's `CommandDrafter`), plus what only a real run tells: the exit
/// status, the verify probes of the state each command left, captures of printed ids used later,
/// and secrets kept out (`RecordedSecrets`).
public enum RecordingDrafter {
    /// The draft of `commands`, recorded in `folder` (its title) and written into `draftFolder`
    /// (default `folder`: every `cwd:` is relative to it, as the runner reads it), on a machine
    /// whose `machineFolders` (home, Docker's config) no expectation may name.
    public static func draft(
        _ commands: [RecordedCommand], folder: String, draftFolder: String? = nil, machineFolders: [String] = [],
        registry: KindRegistry
    ) -> TutorialImporter.Draft {
        let drafters = Drafters(registry: registry)
        let secrets = RecordedSecrets(commands, drafters: drafters)
        let (portable, leftOut) = RecordedOutput.portable(secrets.commands, folders: machineFolders)
        let (kept, dropped) = RecordedCommandFilter.steps(of: portable)
        let byNumber = Dictionary(kept.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        let tutorialCommands = kept.map { command in
            TutorialCommand(
                text: command.text, script: command.text, line: command.number, origin: .block,
                output: command.drewProgress ? [] : command.output, section: 0, cwd: relativeFolder(command.cwd, to: draftFolder ?? folder))
        }
        let name = (folder as NSString).lastPathComponent
        let content = TutorialReader.Content(title: name.isEmpty ? "Recorded session" : name, commands: tutorialCommands, paragraphs: [])
        var draft = DraftBuilder(source: "record", drafters: drafters).build(content)
        RecordedCaptures.apply(to: &draft.steps, outputs: draft.steps.map { byNumber[$0.line]?.output ?? [] })
        for index in draft.steps.indices {
            let step = draft.steps[index]
            guard let recorded = byNumber[step.line] else { continue }
            draft.steps[index].origin = [
                "command \(recorded.number) of the recording"
                    + (step.cwd.map { ", run in `\($0)`" } ?? "") + ", exit status \(recorded.exitStatus.map(String.init) ?? "unknown")"
            ]
            draft.steps[index].exitStatus = recorded.exitStatus  // the writer prefers it to import's guess (`exit`)
            // A request to a server (a URL) that worked while recording may come right after the
            // server's start when the runbook runs: it waits until it passes.
            if recorded.exitStatus == 0, step.command.text.contains("http://") || step.command.text.contains("https://") {
                draft.steps[index].retryFor = "30s"
            }
            let program = step.command.key
            if let status = recorded.exitStatus, let drafter = drafters.drafter(for: program) {
                draft.steps[index].probes = drafter.probes(for: step.command, exitStatus: status)
            }
            // Import's remarks about the text's output do not apply: the real output and status are known.
            var notes = step.notes.filter { !$0.hasPrefix("the text shows no output") && !$0.hasPrefix("the text shows it failing") }
            if secrets.redacted.contains(recorded.number) {
                notes.append("a secret typed in this command is written `***`: use the var that holds it instead")
            }
            if let count = leftOut[recorded.number], !recorded.drewProgress {
                notes.append(
                    "left out \(count) line\(count == 1 ? "" : "s") of its output that name a folder of this machine "
                        + "or a name the engine chose at random")
            }
            if recorded.drewProgress {
                notes.append("it drew a progress display: its lines differ without a terminal, so none is expected")
            }
            if recorded.output.isEmpty || recorded.drewProgress, draft.steps[index].probes.isEmpty {
                notes.append("it printed nothing: add a verify probe of what it changed")
            }
            if let variable = secrets.stdinVariables[recorded.number] {
                draft.steps[index].stdin = "${\(variable)}"
                notes.append("what was typed into it is a secret: `stdin:` reads `${\(variable)}`, never written here")
                declare(variable, in: &draft)
            } else if !recorded.typed.isEmpty {
                draft.steps[index].stdin = TemplateEscaping.escape(recorded.typed.joined(separator: "\n") + "\n")
                notes.append("`stdin:` is what was typed while it ran")
            }
            draft.steps[index].notes = notes
        }
        for secret in secrets.commands.flatMap({ ShellLine($0.text).expansions.map(\.name) }) where RecordedSecrets.isSecretName(secret) {
            if draft.steps.contains(where: { $0.command.text.contains("${\(secret)}") }) { declare(secret, in: &draft) }
        }
        draft.notes =
            [
                "by `runbook record` in \(folder): check each `# drafted:` remark (and delete it), "
                    + "then run `runbook validate` and `runbook selftest`",
                "expectations come from the real output, probes from what each command changed; secrets typed are never written",
            ] + dropped.map { "not a step: `\($0.command.text)` (command \($0.command.number)): \($0.reason)" }
        return TutorialImporter.Draft(yaml: DraftYAMLWriter.write(draft), stepCount: draft.steps.count)
    }

    /// A required var for a secret, from the environment variable of that name by default.
    private static func declare(_ name: String, in draft: inout DraftRunbook) {
        guard !draft.variables.contains(where: { $0.name == name }) else { return }
        draft.variables.append(
            DraftRunbook.Variable(
                name: name, defaultValue: "${env.\(name)}", required: true, description: "a secret typed during the recording",
                notes: ["a secret: a learner gives it (--var, --var-file, the roster or the environment); never stored or shown"]))
    }

    /// `cwd` relative to `folder` (nil when they are the same; absolute when outside it).
    static func relativeFolder(_ cwd: String?, to folder: String) -> String? {
        guard let cwd, cwd != folder else { return nil }
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        return cwd.hasPrefix(base) ? String(cwd.dropFirst(base.count)) : cwd
    }
}
