import Foundation
import Testing

@testable import Workflow

/// `ProcessRunner.start`: a process held running once its consumer matched a ready line, then
/// stopped as a person at its terminal would — SIGINT, SIGTERM after the stop grace, SIGKILL
/// (SPEC 6.11, issue 17 item 4) — and stdout and stderr on one pipe (item 5).
@Suite(.timeLimit(.minutes(1))) struct ProcessRunnerStopTests {
    /// A script that says which signal ended it: it traps those in `traps` (the others keep their default).
    static func script(trapping traps: [String], ignoring ignored: [String] = []) -> ProcessSpec {
        let handlers = traps.map { "trap 'echo got-\($0); exit 0' \($0)" } + ignored.map { "trap '' \($0)" }
        var spec = ProcessTestSupport.shell(handlers.joined(separator: "; ") + "; echo ready; while :; do sleep 0.05; done")
        spec.holdsOnConsumerStop = true
        spec.stopGrace = .milliseconds(300)
        spec.killGrace = .milliseconds(300)
        return spec
    }

    @Test("held after the ready line: still running until stop(), which sends SIGINT first")
    func heldThenInterrupted() async throws {
        let collector = LineCollector(stopWhen: { $0 == "ready" })
        let process = ProcessRunner().start(Self.script(trapping: ["INT", "TERM"]), consumer: collector)
        #expect(await process.waitUntilHeld())
        try await Task.sleep(for: .milliseconds(400))  // the timeout-free hold: it would have been killed by now before
        #expect(collector.texts(.stdout) == ["ready"], "nothing stopped it while held")
        process.stop()
        let outcome = await process.outcome
        #expect(collector.texts(.stdout) == ["ready", "got-INT"])
        #expect(outcome.termination == .exited(0))
        #expect(outcome.stoppedByConsumer && !outcome.timedOut && !outcome.interrupted)
    }

    @Test("a process that ignores SIGINT gets SIGTERM after the stop grace")
    func termAfterGrace() async throws {
        let collector = LineCollector(stopWhen: { $0 == "ready" })
        let process = ProcessRunner().start(Self.script(trapping: ["TERM"], ignoring: ["INT"]), consumer: collector)
        #expect(await process.waitUntilHeld())
        process.stop()
        _ = await process.outcome
        #expect(collector.texts(.stdout) == ["ready", "got-TERM"])
    }

    @Test("a process that ignores SIGINT and SIGTERM is killed")
    func killAtLast() async throws {
        let collector = LineCollector(stopWhen: { $0 == "ready" })
        let process = ProcessRunner().start(Self.script(trapping: [], ignoring: ["INT", "TERM"]), consumer: collector)
        #expect(await process.waitUntilHeld())
        process.stop()
        let outcome = await process.outcome
        #expect(outcome.termination == .signaled(SIGKILL))
        #expect(ProcessTestSupport.groupIsGone(try #require(outcome.pid)))
    }

    @Test("a process that ends before its ready line is not held")
    func endsFirst() async throws {
        var spec = ProcessTestSupport.shell("echo nope")
        spec.holdsOnConsumerStop = true
        let process = ProcessRunner().start(spec, consumer: LineCollector(stopWhen: { $0 == "ready" }))
        #expect(await process.waitUntilHeld() == false)
        #expect(await process.outcome.termination == .exited(0))
    }

    @Test("merged streams: lines of stdout and stderr arrive in the order they were written")
    func mergedStreamsKeepOrder() async throws {
        let script = "i=0; while [ $i -lt 300 ]; do echo e$i >&2; echo o$i; i=$((i+1)); done"
        var spec = ProcessTestSupport.shell(script)
        spec.mergesStreams = true
        let collector = LineCollector()
        _ = await ProcessRunner().run(spec, consumer: collector)
        let expected = (0..<300).flatMap { ["e\($0)", "o\($0)"] }
        #expect(collector.lines.map(\.text) == expected)
        #expect(collector.lines.allSatisfy { $0.stream == .stdout })
    }
}
