import ArgumentParser
import Authoring
import Board
import Foundation
import Frontend
import Workflow

/// `runbook record [-o DRAFT.yaml] [--shell bash|zsh] [--share JOIN_URL --token TOKEN] [--force]`:
/// records a shell session and drafts a runbook from it (SPEC 11.2).
struct RecordCommand: KindsCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a shell session and draft a runbook from it.",
        discussion: """
            Starts your shell (bash or zsh, default from $SHELL) with your own rc files and marks \
            around each command. Work as usual; Ctrl-D or `exit` ends the recording and writes the \
            draft: one step per command (not cd, clear, history, ls…), expectations from the real \
            output and exit status, verify probes for what each docker command changed, every guess \
            marked `# drafted:`. Secrets you type are never written.
            Exit status: 0 written and valid, 1 written but not valid, 2 invalid arguments or the \
            draft file exists (use --force).
            """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the draft.", valueName: "file"))
    var output = "recorded.yaml"

    @Option(name: .long, help: ArgumentHelp("The shell to record: bash or zsh (default: $SHELL's, else bash).", valueName: "shell"))
    var shell: String?

    @Option(name: .long, help: ArgumentHelp("Push each command to this board as the instructor's (type-along).", valueName: "join-url"))
    var share: String?

    @Option(name: .long, help: ArgumentHelp("The instructor's token of the --share board.", valueName: "token"))
    var token: String?

    @Flag(name: .long, help: "Overwrite the draft file when it exists.")
    var force = false

    @OptionGroup var options: OutputOptions

    func run(kinds: KindRegistry) async throws {
        let environment = ProcessInfo.processInfo.environment
        var requested: ShellIntegration.Shell?
        if let shell {
            guard let known = ShellIntegration.Shell(rawValue: shell) else {
                throw CommandFailure.usage("--shell must be bash or zsh, not '\(shell)'")
            }
            requested = known
        }
        guard (share == nil) == (token == nil) else { throw CommandFailure.usage("--share and --token go together") }
        if FileManager.default.fileExists(atPath: output), !force {
            throw CommandFailure.usage("\(output) exists; pass --force to overwrite it")
        }
        let chosen = ShellRecording.shell(requested: requested, environment: environment)
        let folder = FileManager.default.currentDirectoryPath
        var sharing: InstructorShare?
        if let share {
            do {
                sharing = InstructorShare(url: try JoinURL(share), token: token ?? "")
            } catch {
                throw CommandFailure.usage("--share: \(error)")
            }
        }
        if !options.quiet {
            StandardStreams.err("runbook: recording \(chosen.rawValue) into \(output); Ctrl-D or `exit` ends it\n")
        }
        let commands: [RecordedCommand]
        do {
            let redactor = ShareRedactor(registry: kinds)
            commands = try await ShellRecording.record(chosen, environment: environment) { [sharing] command in
                let shown = redactor.redacted(command)
                sharing?.send(command: shown.text, exitStatus: shown.exitStatus, output: shown.output)
            }
        } catch {
            throw CommandFailure(messages: ["cannot record: \(error)"], status: 2)
        }
        if let sharing {
            for problem in await sharing.finish() { StandardStreams.err("board: not shared: \(problem)\n") }
        }
        let draft = RecordingDrafter.draft(
            commands, folder: folder, draftFolder: URL(fileURLWithPath: output).deletingLastPathComponent().standardizedFileURL.path,
            machineFolders: folders(environment), registry: kinds)
        guard draft.stepCount > 0 else {
            let count = "\(commands.count) command\(commands.count == 1 ? "" : "s")"
            throw CommandFailure(messages: ["nothing to draft: \(count) recorded, none a step; \(output) not written"], status: 2)
        }
        let checked = RunbookLoader(registry: kinds).load(bytes: Array(draft.yaml.utf8), path: output)
        do {
            try Data(draft.yaml.utf8).write(to: URL(fileURLWithPath: output))
        } catch {
            throw CommandFailure(messages: ["cannot write \(output): \(error.localizedDescription)"], status: 2)
        }
        let errors = checked.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            let message = "\(output): the draft does not validate (\(errors.count) error\(errors.count == 1 ? "" : "s")); please report it"
            throw CommandFailure(
                diagnostics: errors, sources: [checked.source], messages: [message], status: 1, colored: options.colored(for: 2))
        }
        if !options.quiet {
            let steps = draft.stepCount
            StandardStreams.err(
                "runbook: \(commands.count) command\(commands.count == 1 ? "" : "s") recorded, "
                    + "\(steps) step\(steps == 1 ? "" : "s") drafted into \(output)\n")
        }
    }

    /// Folders of this machine that a draft's expectations must not name: home and Docker's config.
    private func folders(_ environment: [String: String]) -> [String] {
        let home = environment["HOME"] ?? NSHomeDirectory()
        return [home, environment["DOCKER_CONFIG"] ?? home + "/.docker"]
    }
}
