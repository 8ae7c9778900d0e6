import ArgumentParser
import Board
import Foundation
import Steps
import Workflow

/// `runbook guide [RUNBOOK]`: walks one learner through the runbook, step by step, in the terminal.
struct GuideCommand: AsyncParsableCommand {
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
            Exit status: 0 every step passed or was skipped, 1 a step failed, 2 invalid input or no terminal, 130 interrupted.
            """
    )

    @OptionGroup var path: RunbookPathArgument
    @OptionGroup var options: RunOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        guard isatty(0) == 1, isatty(1) == 1 else {
            StandardStreams.err(
                "error: runbook guide is interactive and needs a terminal on its standard input and output.\n"
                    + "To run every step unattended use `runbook run \(path.runbook)`; to see what is done already, `runbook check \(path.runbook)`.\n")
            throw ExitCode(2)
        }
        let setup = try GuideSetup(path: path.runbook, options: options, output: output)
        let screen = GuideScreen(style: TerminalStyle(enabled: output.colored(for: 1)))
        var configuration = try setup.configuration()
        let publisher = options.boardPublisher(learners: [setup.learner.id])  // class board (SPEC 7)
        configuration.journalTap = publisher
        let session: GuideSession
        do {
            session = try await GuideSession.open(configuration: configuration, outputDirectory: setup.outputDirectory, observer: screen)
        } catch {
            if case .variables(let problem) = error {
                StandardStreams.err("\(problem.location.map { "\($0): " } ?? "")error: \(problem.message)\n")
            } else {
                StandardStreams.err("error: \(error.description)\n")
            }
            throw ExitCode(2)
        }
        let terminal: RawTerminal
        do {
            terminal = try RawTerminal()
        } catch {
            StandardStreams.err("error: \(error.description)\n")
            throw ExitCode(2)
        }
        defer { terminal.restore() }
        let interrupts = GuideInterrupts(
            notice: { message in screen.print("\n  " + screen.style.yellow(message)) },
            quitNow: {
                terminal.restore()
                GuideScreen.writeAll("\nrunbook: interrupted again; progress saved, quitting now (the journal is intact)\n", to: 2)
                _exit(130)
            })
        let code = try await BoardPublisher.run(publisher) {
            await GuideFlow(setup: setup, session: session, screen: screen, terminal: terminal, interrupts: interrupts).run()
        }
        terminal.restore()
        RunOptions.printBoardNotes(publisher)
        if code != 0 { throw ExitCode(code) }
    }
}
