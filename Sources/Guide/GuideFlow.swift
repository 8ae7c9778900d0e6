import Foundation
import Frontend
import Workflow

/// A whole `runbook guide` session once the terminal is ready: find the saved progress (asking
/// whether to start over when the runbook changed), say where it resumes, walk the steps, then
/// clean up when everything is done, write results and reports, and print the summary.
public struct GuideFlow {
    /// The learner's session: steps run or checked one at a time, journaled.
    public let session: LearnerSession
    /// The `--report` asked for, besides the learner's own md and html.
    public let reports: [ReportSpecification]
    /// The step to start at (`--from`), if any.
    public let fromIndex: Int?
    /// What the learner sees.
    public let screen: GuideScreen
    /// The terminal in key mode.
    public let terminal: RawTerminal
    /// Ctrl-C, SIGTERM, SIGHUP.
    public let interrupts: GuideInterrupts

    /// The flow of `session` on `terminal`, starting at `fromIndex` when given.
    public init(
        session: LearnerSession, reports: [ReportSpecification], fromIndex: Int?, screen: GuideScreen, terminal: RawTerminal,
        interrupts: GuideInterrupts
    ) {
        self.session = session
        self.reports = reports
        self.fromIndex = fromIndex
        self.screen = screen
        self.terminal = terminal
        self.interrupts = interrupts
    }

    /// Runs the session; returns the exit status (SPEC 3: 0, 1 or 130).
    public func run() async -> Int32 {
        let runbook = session.runbook
        let store = GuideStateStore()
        let identity = GuideState.RunbookIdentity(
            path: URL(fileURLWithPath: runbook.path).standardizedFileURL.resolvingSymlinksInPath().path, title: runbook.title,
            sha256: runbook.sha256)
        screen.banner(runbook: runbook, learner: session.learner)
        for (name, message) in session.context.unreachableBackends.sorted(by: { $0.key < $1.key }) {
            screen.paragraph("⚠ The \(name) engine does not answer: \(VisibleText.sanitize(message))", screen.style.yellow)
            screen.paragraph("  Its steps cannot run until it does; start it and run `runbook guide` again.", screen.style.dim)
        }
        var state: GuideState
        var replaced: String?
        var keptProgress = false
        do {
            state =
                try store.load(sha256: runbook.sha256, learner: session.learner.id)
                ?? GuideState(runbook: identity, learner: session.learner.id)
        } catch {
            screen.paragraph("⚠ \(error.description)", screen.style.yellow)
            state = GuideState(runbook: identity, learner: session.learner.id)
        }
        if state.results.isEmpty,
            let earlier = store.findOtherVersion(of: identity.path, sha256: runbook.sha256, learner: session.learner.id)
        {
            let done = earlier.state.results.values.filter { $0.status == .passed }.count
            let when = earlier.state.updatedAt.formatted(date: .abbreviated, time: .shortened)
            screen.print("")
            screen.paragraph(
                "The runbook changed since your last session (\(when), \(done) step\(done == 1 ? "" : "s") passed).", screen.style.yellow)
            switch await GuideController(
                session: session, screen: screen, terminal: terminal, interrupts: interrupts, store: store, state: state
            )
            .ask("Start over? y: from the first step; n: keep the progress of the steps that still exist.") {
            case nil:
                return await finishEarly(state: state)
            case true?:
                screen.paragraph("Starting over.", screen.style.dim)
            case false?:
                state.results = earlier.state.results
                state.captures = earlier.state.captures
                state.carry(over: runbook)
                keptProgress = true
                screen.paragraph("Keeping the progress of the steps that still exist.", screen.style.dim)
            }
            replaced = earlier.path
        }
        state.runbook = identity
        session.restore(captures: state.captures)
        let controller = GuideController(
            session: session, screen: screen, terminal: terminal, interrupts: interrupts, store: store, state: state)
        controller.save()
        if let replaced { store.remove(path: replaced, movingWorkdirTo: keptProgress ? session.setup.workdir : nil) }
        await controller.journalEarlierResults()

        let total = runbook.steps.count
        let start: Int
        if let from = fromIndex {
            start = from
            screen.paragraph(
                "Starting at step \(from + 1) of \(total) (\(runbook.steps[from].id)); \(controller.doneCount) done.", screen.style.bold)
        } else if let first = controller.firstNotDone {
            start = first
            if controller.doneCount > 0 || !controller.results.isEmpty {
                screen.paragraph(
                    "Resuming at step \(first + 1) of \(total) (\(runbook.steps[first].id)); \(controller.doneCount) done.",
                    screen.style.bold)
            }
        } else {
            screen.print(
                screen.style.green("All \(total) steps are done already.") + screen.style.dim(" To do one again: runbook guide --from ID"))
            return await finish(controller, ending: .finished)
        }
        let ending = await controller.walk(from: start, everyStep: fromIndex != nil)
        return await finish(controller, ending: ending)
    }

    /// After the walk: cleanup when every step is done, results, reports, summary, exit status.
    private func finish(_ controller: GuideController, ending: GuideController.Ending) async -> Int32 {
        let runbook = session.runbook
        // What still runs in the background stops with the guide, as a learner's Ctrl-C would stop it.
        await session.stopBackground()
        switch ending {
        case .finished:
            if controller.firstNotDone == nil {
                if !runbook.cleanup.isEmpty {
                    screen.paragraph(
                        "\nEvery step is done; cleaning up (\(runbook.cleanup.count) item\(runbook.cleanup.count == 1 ? "" : "s"))…",
                        screen.style.dim)
                    await session.cleanUp()
                }
            } else {
                let open = runbook.steps.filter { !controller.state.isDone($0) }.map(\.id)
                screen.paragraph(
                    "\n\(open.count) step\(open.count == 1 ? " is" : "s are") not done yet: \(open.joined(separator: ", ")). Run `runbook guide` again to go back to \(open.count == 1 ? "it" : "them").",
                    screen.style.yellow)
            }
        case .quit, .interrupted:
            if let next = controller.firstNotDone {
                screen.paragraph(
                    "\nProgress saved; `runbook guide` resumes at step \(next + 1) (\(runbook.steps[next].id)).", screen.style.dim)
            }
        }
        // Steps never reached stay without a result: "not run" in every report, never "skipped" (SPEC 7.1).
        let interrupted = ending == .interrupted
        let results: RunResults
        do {
            let why: RunEnding = ending == .finished ? .finished : (interrupted ? .interrupted : .quit)
            let step = ending == .finished ? nil : controller.currentStep
            results = try await session.recorder.finish(interrupted: interrupted, ending: why, step: step).results()
        } catch {
            screen.paragraph("error: \(error)", screen.style.red)
            return interrupted ? 130 : 1
        }
        screen.summary(steps: runbook.steps, results: controller.results)
        let written = ["\(session.recorder.directory)/results.json"] + writeReports(results)
        let folder = session.recorder.directory.hasSuffix("/") ? session.recorder.directory : session.recorder.directory + "/"
        let names = written.map { $0.hasPrefix(folder) ? String($0.dropFirst(folder.count)) : $0 }
        screen.print(screen.style.dim("Your results are in ") + VisibleText.sanitize(folder))
        screen.print("  " + VisibleText.sanitize(names.joined(separator: ", ")))
        if interrupted { return 130 }
        return controller.results.values.contains { $0.status.isFailure } ? 1 : 0
    }

    /// The learner's own report (report.md and report.html in the results folder), and any
    /// `--report` asked for; returns the paths written.
    private func writeReports(_ results: RunResults) -> [String] {
        var specifications = [ReportSpecification(format: .md), ReportSpecification(format: .html)]
        specifications += reports.filter { !specifications.contains($0) }
        let outcome = ReportWriter(results: results, outputDirectory: session.recorder.directory).write(specifications)
        for problem in outcome.problems { screen.paragraph("error: \(problem)", screen.style.red) }
        return outcome.written
    }

    /// The learner quit at the first question: close the journal.
    private func finishEarly(state: GuideState) async -> Int32 {
        let quit = interrupts.quitRequested
        _ = try? await session.recorder.finish(interrupted: quit, ending: quit ? .interrupted : .quit)
        return interrupts.quitRequested ? 130 : 0
    }
}
