import ArgumentParser
import Board
import Foundation
import Frontend
import Guide
import Workflow

/// `runbook guide [RUNBOOK]`: walks one learner through the runbook, step by step, in the terminal.
struct GuideCommand: KindsCommand {
    static let configuration = CommandConfiguration(
        commandName: "guide",
        abstract: "Walk one learner through the runbook interactively: explain, run or check each step.",
        discussion: """
            For each step the guide shows its explanation and the exact command to type. Keys: Enter runs it, \
            c checks a command you ran yourself (the step's verify probes), s skips, r retries, q saves and \
            quits, ? helps, h raises a hand on the class board (--join URL). Progress and captures are saved \
            after every step in $XDG_STATE_HOME/runbook/<runbook sha256>/<learner>.json (default ~/.local/state); the next \
            `runbook guide` resumes at the first step not done. Ctrl-C stops a running step; a second saves and quits.
            Learner `local` unless --learner (which may name a learner of a --learners roster).
            With --join URL and no RUNBOOK, the board's workshop is used: ./RUNBOOK when it is the board's, else it is \
            downloaded, checked and unpacked into ./FOLDER/ (a local runbook that is not the board's is refused). \
            A required var without a value is asked for when the first step that uses it is shown.
            Exit status: 0 every step passed or was skipped, 1 a step failed, 2 invalid input or no terminal, 130 interrupted.
            """
    )

    @OptionGroup var path: RunbookPathArgument
    @OptionGroup var options: RunOptions
    @OptionGroup var output: OutputOptions

    func run(kinds: KindRegistry) async throws {
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw CommandFailure.usage(
                "runbook guide is interactive and needs a terminal on its standard input and output; to run every step unattended "
                    + "use `runbook run \(path.runbook)`, to see what is done already `runbook check \(path.runbook)`")
        }
        var preparation = RunPreparation(path: path.runbook, options: options.settings, output: output.settings, registry: kinds)
        let learner = try preparation.guideLearner()
        if let board = options.board, let url = try? JoinURL(board) {
            // SPEC 10.3: the board's runbook, fetched when there is none here; a different one is refused.
            let fetched = try await WorkshopFetch(url: url, learner: learner.id).runbookPath(given: path.given)
            preparation = RunPreparation(path: fetched, options: options.settings, output: output.settings, registry: kinds)
        }
        let runbook = try preparation.runbook(for: [learner])
        try GuideLock.acquire(sha256: runbook.sha256, learner: learner.id)
        // `--from` is where the guide starts, not a selection: earlier steps keep their progress.
        let selection = try preparation.selection(in: runbook, fromIsSelection: false)
        var configuration = try preparation.configuration(
            policy: .guide, learners: [learner], runbook: runbook, selection: selection, stdinIsTerminal: true)
        configuration.deferRequiredVars = true  // asked when a step that uses one is shown (SPEC 10.3)
        try await ContainerRunner.prepare(&configuration)  // inside a container (SPEC 10.2)
        // A guide keeps the learner's ports across sessions: the containers of the last one may still publish them.
        if let saved = try? GuideStateStore().load(sha256: runbook.sha256, learner: learner.id)?.ports {
            configuration.reservedPorts[learner.id] = saved
        }
        do {
            _ = try configuration.prepareLearners()
        } catch {
            throw BatchRun.failure(error)
        }
        let screen = GuideScreen(style: TerminalStyle(enabled: output.colored(for: 1)))
        let publisher = options.settings.boardPublisher(learners: [learner.id])  // class board (SPEC 7)
        let recorder = try preparation.recorder(runId: configuration.runId, tap: publisher)
        let session: LearnerSession
        do {
            session = try await LearnerSession.start(configuration: configuration, recorder: recorder, observer: screen)
        } catch {
            throw BatchRun.failure(error)
        }
        defer { session.close() }
        let terminal: RawTerminal
        do {
            terminal = try RawTerminal()
        } catch {
            throw CommandFailure.usage(error.description)
        }
        defer { terminal.restore() }
        let interrupts = GuideInterrupts(
            notice: { message in screen.print("\n  " + screen.style.yellow(message)) },
            quitNow: {
                terminal.restore()
                ProcessGroups.shared.killAll()
                DescriptorWriter.writeAll("\nrunbook: interrupted again; progress saved, quitting now (the journal is intact)\n", to: 2)
                _exit(130)
            })
        let fromIndex = options.from.flatMap { id in runbook.steps.firstIndex { $0.id == id } }
        let flow = GuideFlow(
            session: session, reports: options.report, fromIndex: fromIndex, screen: screen, terminal: terminal, interrupts: interrupts)
        if let publisher { screen.board = GuideBoard(publisher: publisher, learner: learner.id) }
        let code = try await BoardPublisher.run(publisher) { await GuideBoardWatch(screen: screen).around { await flow.run() } }
        terminal.restore()
        RunSettings.printBoardNotes(publisher)
        if code != 0 { throw CommandFailure.status(code) }
    }
}
