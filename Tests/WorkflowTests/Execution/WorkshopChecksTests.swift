import Foundation
import Testing
import Workflow

/// What real workshops need of a session (SPEC 6), with kinds that need no Docker.
@Suite("Checks for real workshops")
struct WorkshopChecksTests {
    @Test("check judges every step by its own probes: needs are not consulted, and a step without probes passes nothing on")
    func checkIgnoresNeeds() async throws {
        let harness = try SessionHarness()
        let made = harness.folder.appendingPathComponent("made").path
        _ = FileManager.default.createFile(atPath: made, contents: Data("hello\n".utf8))
        let runbook = try harness.runbook(
            """
            runbook: 1
            steps:
              - id: prepare
                exec: [mkdir, -p, somewhere]
                expect: { exit: 0 }
              - id: write
                needs: [prepare]
                exec: [touch, \(made)]
                verify:
                  - fakefile: \(made)
                    expect: { stdout: { contains: hello } }
              - id: read
                needs: [write]
                fakefile: \(made)
                verify: self
                expect: { stdout: { contains: hello } }
            """)
        let (results, _) = try await harness.run(runbook, policy: .check)
        let steps = try #require(results.learners.first).steps.map { "\($0.step)=\($0.status.rawValue)" }
        #expect(steps == ["prepare=skipped", "write=passed", "read=passed"])
    }

    @Test("retry { for, every } runs again until the step passes, and gives up when the time is over")
    func readinessWait() async throws {
        let harness = try SessionHarness()
        let count = harness.folder.appendingPathComponent("count").path
        let runbook = try harness.runbook(
            """
            runbook: 1
            steps:
              - id: wait
                sh: n=$(cat \(count) 2>/dev/null || echo 0); n=$((n + 1)); echo $n > \(count); echo "attempt $n"
                retry: { for: 30s, every: 100ms }
                expect: { stdout: { contains: attempt 3 } }
              - id: never
                fakefile: \(count)-never
                retry: { for: 3s, every: 100ms }
            """)
        let (results, _) = try await harness.run(runbook)
        let learner = try #require(results.learners.first)
        let wait = try #require(learner.step("wait"))
        #expect(wait.status == .passed)
        #expect(wait.attempts == 3)
        #expect((wait.waitedSeconds ?? 0) >= 0.2, "two pauses of 100ms before the third attempt")
        let never = try #require(learner.step("never"))
        #expect(never.status == .failed)
        #expect(never.reason == "exists: file \(count)-never does not exist")
        // On a machine whose test run starves the cooperative pool, one attempt may outlast the `for`:
        // then a single attempt is right (one that started in time finishes). Never fewer than its `for`.
        #expect(never.attempts >= 2 || never.durationSeconds >= 3, "\(never.attempts) attempts in \(never.durationSeconds) s")
        #expect(never.durationSeconds >= 2.9, "it kept trying for its whole `for`")
    }

    @Test("a kind that works in-process: exists, size and mode are judged, and exists: false passes on an absent file")
    func actionFacts() async throws {
        let harness = try SessionHarness()
        let file = harness.folder.appendingPathComponent("todo.db").path
        _ = FileManager.default.createFile(atPath: file, contents: Data("12345".utf8), attributes: [.posixPermissions: 0o640])
        let runbook = try harness.runbook(
            """
            runbook: 1
            steps:
              - id: present
                fakefile: \(file)
                expect: { exists: true, size: ">= 1", mode: "0640" }
              - id: gone
                fakefile: \(file).old
                expect: { exists: false }
              - id: wrong-mode
                fakefile: \(file)
                expect: { mode: "644", size: 5 }
            """)
        let (results, _) = try await harness.run(runbook)
        let learner = try #require(results.learners.first)
        #expect(learner.step("present")?.status == .passed)
        #expect(learner.step("gone")?.status == .passed)
        #expect(learner.step("wrong-mode")?.reason == "mode: file \(file) has mode 0640, expected 0644")
        #expect(learner.step("present")?.command?.display == "cat \(file)")
    }

    @Test("a capture may be made again: the latest value holds from that step on; `_` in a group name works")
    func recaptures() async throws {
        let harness = try SessionHarness()
        let runbook = try harness.runbook(
            """
            runbook: 1
            steps:
              - id: first
                exec: [echo, "value=one"]
                capture: { value: { from: stdout, regex: 'value=(\\w+)' } }
              - id: second
                exec: [echo, "value=two"]
                expect: { stdout: { matches: 'value=(?<value>\\w+)' } }
              - id: use
                exec: [echo, "got ${value}"]
                expect:
                  stdout: { matches: '^got (?<random_number>\\w+)$' }
              - id: again
                exec: [echo, "${random_number}"]
                expect: { stdout: { equals: two } }
            """)
        let (results, _) = try await harness.run(runbook)
        let learner = try #require(results.learners.first)
        #expect(learner.steps.map(\.status) == [.passed, .passed, .passed, .passed])
        #expect(learner.step("use")?.captured == ["random_number": "two"])
    }

    @Test("each learner gets its own ports and folder; sh steps see them; run removes the folder, --keep-workdir keeps it")
    func portsAndWorkdir() async throws {
        let harness = try SessionHarness()
        let runbook = try harness.runbook(
            """
            runbook: 1
            steps:
              - id: show
                exec: [echo, "web=${port.web} db=${port.db} dir=${workdir} host=${engine_host}"]
                expect: { stdout: { matches: '^web=\\d+ db=\\d+ dir=/\\S+ host=127\\.0\\.0\\.1$' } }
              - id: shell
                sh: test "$port_web" -gt 0 && test -d "$workdir" && echo "$learner:$port_web" > "$workdir/mark" && cat "$workdir/mark"
                expect: { stdout: { matches: '^\\w+:\\d+$' } }
            """)
        let (results, _) = try await harness.run(runbook, learners: [Learner(id: "ann"), Learner(id: "bob")])
        let ports = results.learners.flatMap { $0.ports.values }
        #expect(ports.count == 4)
        #expect(Set(ports).count == 4, "no two ports of a run are the same: \(ports)")
        for learner in results.learners {
            #expect(learner.steps.allSatisfy { $0.status == .passed }, "\(learner.steps.map { $0.reason ?? "" })")
            let workdir = try #require(learner.workdir)
            #expect(!FileManager.default.fileExists(atPath: workdir), "run removes the learner's folder")
        }
        let (kept, _) = try await harness.run(runbook, keepWorkdir: true)
        let workdir = try #require(kept.learners.first?.workdir)
        #expect(FileManager.default.fileExists(atPath: workdir + "/mark"))
        let attributes = try FileManager.default.attributesOfItem(atPath: workdir)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        try? FileManager.default.removeItem(atPath: workdir)
        let state = harness.folder.appendingPathComponent("state").path
        let (checked, _) = try await harness.run(runbook, policy: .check, environment: ["XDG_STATE_HOME": state])
        #expect(checked.learners.first?.workdir == "\(state)/runbook/\(runbook.sha256)/local.work")
    }

    @Test("while the learner's engine is down, a failing step of any kind is an error with the engine's message")
    func environmentFault() async throws {
        let harness = try SessionHarness(backend: FakeBackend(reachable: false))
        let runbook = try harness.runbook(
            """
            runbook: 1
            steps:
              - id: engine
                fakesh: -c true
                expect: { exit: 0 }
              - id: glue
                sh: exit 1
              - id: fine
                sh: echo fine
                expect: { stdout: { contains: fine } }
            """)
        let (results, _) = try await harness.run(runbook)
        let learner = try #require(results.learners.first)
        #expect(learner.step("glue")?.status == .error)
        #expect(learner.step("glue")?.reason == "fake engine: connection refused")
        #expect(learner.step("fine")?.status == .passed)
    }

    @Test("selftest proves a `verify: self` step: it fails before the first step and passes at its turn")
    func selftestVerifySelf() async throws {
        let harness = try SessionHarness()
        let file = harness.folder.appendingPathComponent("made-by-selftest").path
        let runbook = try harness.runbook(
            """
            runbook: 1
            steps:
              - id: make
                exec: [sh, -c, "echo done > \(file)"]
                expect: { exit: 0 }
              - id: look
                fakefile: \(file)
                verify: self
                expect: { stdout: { contains: done } }
            """)
        let (results, _) = try await harness.run(runbook, policy: .selftest)
        let look = try #require(results.learners.first?.step("look"))
        #expect(look.status == .passed)
        #expect(look.verifyBefore?.first?.status == .failed)
    }
}
