import Foundation
import Testing
import Workflow

/// Runner fixes of issue 17 in whole sessions (no engine): a pseudo-terminal's output as a
/// terminal shows it, `lines:` on `output` independent of how two pipes are read, `finish_on_match`
/// stopped as a learner would after its probes ran, background steps and `stop:`.
@Suite("Runner fixes (issue 17)", .timeLimit(.minutes(2)))
struct RunnerFixesTests {
    @Test("tty: true: bracketed-paste switches and carriage returns do not reach the matchers")
    func terminalOutputAsShown() async throws {
        let harness = try SessionHarness()
        let runbook = try harness.runbook(
            #"""
            runbook: 1
            steps:
              - id: shell
                tty: true
                sh: printf '\033[?2004lmarker\r\n10%%\r100%%\r\n'
                expect:
                  stdout: [{ matches: '^marker$' }, { matches: '^100%$' }]
            """#)
        let (results, _) = try await harness.run(runbook)
        let step = try #require(results.learners.first?.step("shell"))
        #expect(step.status == .passed, "\(step.reason ?? "")")
    }

    @Test("lines: on output follows the order the program wrote its two streams")
    func linesOnOutputInWriteOrder() async throws {
        let harness = try SessionHarness()
        let expected = (0..<150).flatMap { ["'^e\($0)$'", "'^o\($0)$'"] }.joined(separator: ", ")
        let runbook = try harness.runbook(
            """
            runbook: 1
            steps:
              - id: both
                sh: 'i=0; while [ $i -lt 150 ]; do echo e$i >&2; echo o$i; i=$((i+1)); done'
                expect:
                  output: { lines: [\(expected)] }
            """)
        let (results, _) = try await harness.run(runbook)
        let step = try #require(results.learners.first?.step("both"))
        #expect(step.status == .passed, "\(step.reason ?? "")")
    }

    @Test("finish_on_match: the probes run while the process still runs; then it gets SIGINT, not SIGTERM")
    func finishOnMatchStopsLikeALearner() async throws {
        let harness = try SessionHarness()
        let folder = harness.folder.path
        let runbook = try harness.runbook(
            """
            runbook: 1
            steps:
              - id: server
                sh: |
                  echo $$ > \(folder)/pid
                  trap 'echo INT > \(folder)/signal; exit 0' INT
                  trap 'echo TERM > \(folder)/signal; exit 0' TERM
                  echo ready
                  while :; do sleep 0.05; done
                finish_on_match: true
                expect: { stdout: { contains: ready } }
                verify:
                  - sh: kill -0 "$(cat \(folder)/pid)"
            """)
        let (results, _) = try await harness.run(runbook)
        let step = try #require(results.learners.first?.step("server"))
        #expect(step.status == .passed, "\(step.reason ?? "")")
        #expect(step.finishedOnMatch)
        let signal = try String(contentsOfFile: folder + "/signal", encoding: .utf8)
        #expect(signal == "INT\n")
    }

    @Test("background: the process runs beside later steps until `stop:`; its later output is the stop step's")
    func backgroundUntilStop() async throws {
        let harness = try SessionHarness()
        let folder = harness.folder.path
        let runbook = try harness.runbook(
            """
            runbook: 1
            steps:
              - id: server
                sh: |
                  trap 'echo stopping; exit 3' INT
                  echo ready
                  while [ ! -e \(folder)/go ]; do sleep 0.05; done
                  echo saw-go
                  while :; do sleep 0.05; done
                background: true
                finish_on_match: true
                expect: { stdout: { contains: ready } }
              - id: poke
                sh: 'touch \(folder)/go; echo poked'
                expect: { stdout: { contains: poked } }
              - id: wait-for-it
                sh: 'sleep 0.3; echo waited'
                expect: { stdout: { contains: waited } }
              - id: stop-server
                stop: server
            """)
        let (results, _) = try await harness.run(runbook)
        let learner = try #require(results.learners.first)
        #expect(learner.steps.map(\.status) == [.passed, .passed, .passed, .passed], "\(learner.steps.map { $0.reason ?? "" })")
        #expect(learner.step("server")?.background == true)
        let stop = try #require(learner.step("stop-server"))
        #expect(stop.exitCode == 3)
        #expect(stop.excerpts?.stdout.head.contains("saw-go") == true, "\(stop.excerpts?.stdout.head ?? "")")
        #expect(stop.excerpts?.stdout.head.contains("stopping") == true)
    }

    @Test("the end of the run stops a background step nobody stopped; a stop of a step that failed is blocked")
    func backgroundStoppedAtTheEnd() async throws {
        let harness = try SessionHarness()
        let folder = harness.folder.path
        let runbook = try harness.runbook(
            """
            runbook: 1
            steps:
              - id: server
                sh: "trap 'echo INT > \(folder)/signal; exit 0' INT; echo ready; while :; do sleep 0.05; done"
                background: true
                finish_on_match: true
                expect: { stdout: { contains: ready } }
              - id: broken
                sh: 'echo nothing'
                background: true
                finish_on_match: true
                timeout: 2s
                expect: { stdout: { contains: ready } }
              - id: stop-broken
                stop: broken
            """)
        let (results, _) = try await harness.run(runbook)
        let learner = try #require(results.learners.first)
        #expect(learner.step("server")?.status == .passed)
        #expect(learner.step("broken")?.status == .failed)
        #expect(learner.step("stop-broken")?.status == .blocked)
        #expect(try String(contentsOfFile: folder + "/signal", encoding: .utf8) == "INT\n")
    }

    @Test("check: a cwd that an earlier step makes is 'not done' (failed), not an error")
    func missingFolderIsNotDone() async throws {
        let harness = try SessionHarness()
        let runbook = try harness.runbook(
            """
            runbook: 1
            steps:
              - id: make
                sh: mkdir -p made
                verify: [{ sh: test -d made }]
              - id: inside
                cwd: made
                sh: ls
                verify: self
                expect: { stdout: { not_contains: nothing } }
            """)
        let (results, _) = try await harness.run(runbook, policy: .check)
        let step = try #require(results.learners.first?.step("inside"))
        #expect(step.status == .failed, "\(step.reason ?? "")")
        #expect(step.reason?.contains("does not exist") == true)
    }
}
