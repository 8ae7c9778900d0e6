import Foundation
import Testing

@testable import Workflow

#if canImport(Glibc)
    import Glibc
#endif

/// How runs end: leftovers of the group, timeouts, SIGKILL after the grace, cancellation,
/// a consumer's stop, pipes held by processes outside the group.
@Suite(.timeLimit(.minutes(1))) struct ProcessRunnerTerminationTests {
    @Test(
        "what is left of the group gets SIGTERM when the main process exits; the run returns at once",
        arguments: [ExitWatcher.Strategy.automatic, .waiterThread]
    )
    func leftoversAreTerminatedAtExit(strategy: ExitWatcher.Strategy) async throws {
        let collector = LineCollector()
        let (outcome, elapsed) = await ProcessTestSupport.timedRun(
            ProcessTestSupport.shell("echo a; (sleep 40; echo late) & exit 0"),
            consumer: collector,
            runner: ProcessRunner(exitWatching: strategy)
        )
        #expect(outcome.termination == .exited(0))
        #expect(collector.texts(.stdout) == ["a"])
        #expect(elapsed < .seconds(20), "the run waited for the leftover")
        let pid = try #require(outcome.pid)
        #expect(ProcessTestSupport.groupIsGone(pid))
    }

    @Test("a background `sleep 1000` does not hold the run")
    func backgroundSleep() async throws {
        let collector = LineCollector()
        let (outcome, elapsed) = await ProcessTestSupport.timedRun(
            ProcessTestSupport.shell("sleep 1000 & echo started"),
            consumer: collector
        )
        #expect(outcome.termination == .exited(0))
        #expect(collector.texts(.stdout) == ["started"])
        #expect(elapsed < .seconds(20))
        #expect(ProcessTestSupport.groupIsGone(try #require(outcome.pid)))
    }

    @Test(
        "a timeout terminates the whole group and nothing of it survives",
        arguments: [ExitWatcher.Strategy.automatic, .waiterThread]
    )
    func timeoutKillsTheGroup(strategy: ExitWatcher.Strategy) async throws {
        let (outcome, elapsed) = await ProcessTestSupport.timedRun(
            ProcessTestSupport.shell("sleep 1000 & sleep 1000", timeout: .seconds(1)),
            consumer: LineCollector(),
            runner: ProcessRunner(exitWatching: strategy)
        )
        #expect(outcome.timedOut)
        #expect(!outcome.interrupted && !outcome.stoppedByConsumer)
        #expect(outcome.termination == .signaled(SIGTERM))
        #expect(elapsed >= .seconds(1) && elapsed < .seconds(20))
        #expect(ProcessTestSupport.groupIsGone(try #require(outcome.pid)))
    }

    @Test("a process that ignores SIGTERM gets SIGKILL after the grace")
    func sigkillAfterGrace() async throws {
        let (outcome, elapsed) = await ProcessTestSupport.timedRun(
            ProcessTestSupport.shell(
                #"trap '' TERM; echo ready; while :; do sleep 0.1; done"#,
                timeout: .milliseconds(500),
                killGrace: .milliseconds(700)
            ),
            consumer: LineCollector()
        )
        #expect(outcome.timedOut)
        #expect(outcome.termination == .signaled(SIGKILL))
        #expect(elapsed >= .milliseconds(1200) && elapsed < .seconds(20))
        #expect(ProcessTestSupport.groupIsGone(try #require(outcome.pid)))
    }

    @Test("a leftover that ignores SIGTERM gets SIGKILL after the grace")
    func leftoverSigkill() async throws {
        let collector = LineCollector()
        let (outcome, elapsed) = await ProcessTestSupport.timedRun(
            ProcessTestSupport.shell(
                #"(trap '' TERM; echo armed; exec sleep 1000) & sleep 0.3; exit 0"#,
                killGrace: .milliseconds(700)
            ),
            consumer: collector
        )
        #expect(outcome.termination == .exited(0))
        #expect(!outcome.timedOut)
        #expect(collector.texts(.stdout) == ["armed"])
        #expect(elapsed >= .milliseconds(900) && elapsed < .seconds(20))
        #expect(ProcessTestSupport.groupIsGone(try #require(outcome.pid)))
    }

    @Test("cancelling the calling task terminates the group and reports interrupted")
    func cancellation() async throws {
        let task = Task {
            await ProcessRunner().run(ProcessTestSupport.shell("sleep 1000 & sleep 1000"), consumer: LineCollector())
        }
        try await Task.sleep(for: .milliseconds(300))
        let cancelledAt = ContinuousClock.now
        task.cancel()
        let outcome = await task.value
        #expect(cancelledAt.duration(to: .now) < .seconds(20))
        #expect(outcome.interrupted)
        #expect(!outcome.timedOut)
        #expect(outcome.termination == .signaled(SIGTERM))
        #expect(ProcessTestSupport.groupIsGone(try #require(outcome.pid)))
    }

    @Test("a task cancelled before the run starts spawns nothing")
    func cancelledBeforeStart() async {
        let task = Task {
            while !Task.isCancelled { await Task.yield() }
            return await ProcessRunner().run(ProcessTestSupport.shell("echo never"), consumer: LineCollector())
        }
        task.cancel()
        let outcome = await task.value
        #expect(outcome.interrupted)
        #expect(outcome.termination == nil && outcome.pid == nil)
    }

    @Test("a consumer that returns true stops the process like a timeout")
    func consumerStop() async throws {
        let collector = LineCollector { $0 == "line 5" }
        let (outcome, elapsed) = await ProcessTestSupport.timedRun(
            ProcessTestSupport.shell(#"i=0; while :; do echo "line $i"; i=$((i+1)); sleep 0.01; done"#),
            consumer: collector
        )
        #expect(outcome.stoppedByConsumer)
        #expect(!outcome.timedOut && !outcome.interrupted)
        #expect(outcome.termination == .signaled(SIGTERM))
        #expect(collector.texts(.stdout).prefix(6) == ["line 0", "line 1", "line 2", "line 3", "line 4", "line 5"])
        #expect(elapsed < .seconds(20))
        #expect(ProcessTestSupport.groupIsGone(try #require(outcome.pid)))
    }

    @Test("a process that left the group and holds a pipe is abandoned after the drain timeout")
    func escapedPipeHolder() async {
        let (outcome, elapsed) = await ProcessTestSupport.timedRun(
            ProcessTestSupport.shell("setsid sleep 40 & echo started", drainTimeout: .milliseconds(300)),
            consumer: LineCollector()
        )
        #expect(outcome.termination == .exited(0))
        #expect(elapsed < .seconds(20), "the run waited for the escaped process")
    }

    @Test("concurrent runs do not inherit one another's pipes")
    func concurrentRunsAreIsolated() async {
        let durations = await withTaskGroup(of: (Bool, Duration).self) { group in
            for _ in 0..<3 {
                group.addTask {
                    let result = await ProcessTestSupport.timedRun(ProcessTestSupport.shell("sleep 12"), consumer: LineCollector())
                    return (false, result.elapsed)
                }
            }
            for index in 0..<24 {
                group.addTask {
                    let collector = LineCollector()
                    let result = await ProcessTestSupport.timedRun(
                        ProcessTestSupport.shell("echo quick \(index)", drainTimeout: .seconds(10)),
                        consumer: collector
                    )
                    #expect(collector.texts(.stdout) == ["quick \(index)"])
                    return (true, result.elapsed)
                }
            }
            var quick: [Duration] = []
            for await (isQuick, elapsed) in group where isQuick { quick.append(elapsed) }
            return quick
        }
        #expect(durations.count == 24)
        // A quick run whose pipe leaked into a `sleep 12` would wait for it (about 12 s).
        #expect(durations.allSatisfy { $0 < .seconds(10) })
    }
}
