import Foundation
import Testing
import Workflow

/// Whole learner sessions with a kind and a backend that Workflow does not know (no Docker):
/// the seam between the engine and the kinds (issue 9).
@Suite("Learner session with a fake kind and backend")
struct LearnerSessionTests {
    @Test("a whole run: environment from the backend, gates, retries, sweeps, cleanup, journal and results")
    func wholeRun() async throws {
        let harness = try SessionHarness(backend: FakeBackend(lasers: false))
        let runbook = try harness.runbook(
            """
            runbook: 1
            steps:
              - id: hello
                fakesh: -c 'echo "host=$FAKE_HOST"'
                expect: { stdout: { contains: host=local-fake } }
              - id: broken
                fakesh: -c 'echo nope; exit 3'
                retry: { attempts: 2, delay: 10ms }
              - id: after
                needs: [broken]
                exec: [echo, never]
                expect: { stdout: { contains: never } }
              - id: lasers
                when: lasers
                fakesh: -c 'echo pew'
                expect: { stdout: { contains: pew } }
              - id: plain
                wordly: [plain, words]
                expect: { stdout: { equals: plain words } }
            cleanup:
              - fakesh: -c 'echo bye'
            """)
        let (results, journal) = try await harness.run(runbook)
        let learner = try #require(results.learners.first)
        let statuses = learner.steps.map { "\($0.step)=\($0.status.rawValue)" }
        #expect(statuses == ["hello=passed", "broken=failed", "after=blocked", "lasers=skipped", "plain=passed"])
        #expect(learner.step("broken")?.attempts == 2)
        #expect(learner.step("broken")?.reason == "exit: expected 0, got 3")
        #expect(learner.step("after")?.reason == "needs 'broken', which failed")
        #expect(learner.step("lasers")?.reason == "no lasers here")
        #expect(learner.preflight?.backend == "fake")
        #expect(learner.preflight?.summary == "Fake 1.0")
        #expect(learner.preflight?.fingerprint?["version"]?.stringValue == "1.0")
        #expect(learner.cleanup.map(\.status) == [.passed])
        // Leftovers before the first step, the failed attempt before its retry, the run at the end.
        let runId = results.runId
        #expect(
            harness.backend.sweeps == [
                .leftovers(learner: "local", module: "runbook"), .attempt(runId: runId, learner: "local", step: "broken"),
                .run(runId: runId, learner: "local", module: "runbook"),
            ])
        #expect(harness.backend.reprobes == 2, "a failed step of the backend is re-probed after each attempt")
        #expect(harness.backend.prepared == ["local": true])
        #expect(journal.first?.contains(#""type":"run""#) == true)
        #expect(journal.filter { $0.contains(#""type":"step""#) }.count == 5)
        #expect(journal.last?.contains(#""type":"end""#) == true)
    }

    @Test("an unreachable backend: its steps are error with its message; other kinds still run")
    func unreachableBackend() async throws {
        let harness = try SessionHarness(backend: FakeBackend(reachable: false))
        let runbook = try harness.runbook(
            """
            runbook: 1
            steps:
              - id: engine
                fakesh: -c 'echo hi'
                expect: { stdout: { contains: hi } }
              - id: local
                exec: [echo, still here]
                expect: { stdout: { contains: still here } }
            cleanup:
              - fakesh: -c 'echo bye'
            """)
        let (results, _) = try await harness.run(runbook)
        let learner = try #require(results.learners.first)
        #expect(learner.step("engine")?.status == .error)
        #expect(learner.step("engine")?.reason == "fake engine: connection refused")
        #expect(learner.step("local")?.status == .passed)
        #expect(learner.preflight?.status == .error)
        #expect(learner.cleanup.first?.status == .error)
        #expect(
            !harness.backend.sweeps.contains { if case .run = $0 { true } else { false } },
            "nothing is swept on an engine that does not answer")
    }

    @Test("a failure while the backend's re-probe says it is gone is an error, not the learner's failure")
    func lostBackend() async throws {
        let harness = try SessionHarness(backend: FakeBackend(reprobe: "fake engine: gone away"))
        let runbook = try harness.runbook(
            """
            runbook: 1
            steps:
              - id: lost
                fakesh: -c 'exit 1'
            """)
        let (results, _) = try await harness.run(runbook)
        #expect(results.learners.first?.step("lost")?.status == .error)
        #expect(results.learners.first?.step("lost")?.reason == "fake engine: gone away")
    }

    @Test("check: only probes judge a step; no cleanup and nothing swept")
    func checkPolicy() async throws {
        let harness = try SessionHarness()
        let marker = harness.folder.appendingPathComponent("made").path
        _ = FileManager.default.createFile(atPath: marker, contents: Data())
        let runbook = try harness.runbook(
            """
            runbook: 1
            steps:
              - id: make
                exec: [touch, \(marker)]
                verify:
                  - exec: [test, -e, \(marker)]
              - id: unprobed
                exec: [false]
                expect: { exit: 1 }
              - id: missing
                exec: [touch, \(marker)-other]
                verify:
                  - exec: [test, -e, \(marker)-other]
            cleanup:
              - exec: [rm, -f, \(marker)]
            """)
        let (results, _) = try await harness.run(runbook, policy: .check)
        let learner = try #require(results.learners.first)
        #expect(learner.step("make")?.status == .passed)
        #expect(learner.step("unprobed")?.status == .skipped)
        #expect(learner.step("unprobed")?.reason == "no verify probe")
        #expect(learner.step("missing")?.status == .failed)
        #expect(learner.cleanup.isEmpty)
        #expect(harness.backend.sweeps.isEmpty)
        #expect(FileManager.default.fileExists(atPath: marker), "check ran no step command and no cleanup")
    }

    @Test("selection and fail-fast skip steps with their reasons; the environment is not isolated in a guide's policy")
    func selectionAndFailFast() async throws {
        let harness = try SessionHarness()
        let runbook = try harness.runbook(
            """
            runbook: 1
            steps:
              - id: one
                exec: [echo, one]
                expect: { stdout: { contains: one } }
              - id: two
                exec: ["false"]
              - id: three
                fakesh: -c 'echo three'
                expect: { stdout: { contains: three } }
            """)
        let (selected, _) = try await harness.run(runbook, selection: StepSelection(skip: ["one"]))
        #expect(selected.learners.first?.step("one")?.reason == "not selected")
        let (stopped, _) = try await harness.run(runbook, failFast: true)
        #expect(stopped.learners.first?.steps.map(\.status) == [.passed, .failed, .skipped])
        #expect(stopped.learners.first?.step("three")?.reason == "fail-fast")
        _ = try await harness.run(runbook, policy: .guide, learners: [Learner(id: "gina")])
        #expect(harness.backend.prepared["gina"] == false)
    }
}
