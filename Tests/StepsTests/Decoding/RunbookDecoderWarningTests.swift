import Foundation
import Steps
import Testing

@testable import Workflow

/// The warnings of SPEC 1.5 on runbooks that decode.
@Suite("Runbook decoder: warnings")
struct RunbookDecoderWarningTests {
    private func load(_ text: String, remoteEngines: Bool = false) -> RunbookLoadResult {
        RunbookDecoderTests.load(text, remoteEngines: remoteEngines)
    }

    @Test func exitZeroOnlyStepWarns() throws {
        let result = load(
            """
            runbook: 1
            steps:
              - id: pull
                docker: pull ubuntu
              - id: checked
                docker: pull ubuntu
                verify:
                  - docker: image inspect ubuntu
            """)
        let runbook = try #require(result.runbook, "a warning does not make the runbook invalid")
        #expect(runbook.steps.count == 2)
        #expect(
            result.diagnostics.map(\.description) == [
                "/work/modules/runbook.yaml:3:5: warning: step 'pull' checks only that its command exits 0; add an `expect` matcher or a `verify` probe"
            ])
    }

    @Test func explicitExitZeroOnlyStillWarns() {
        let result = load("runbook: 1\nsteps:\n  - id: a\n    sh: make\n    expect: { exit: 0 }\n")
        #expect(result.runbook != nil)
        #expect(result.diagnostics.map(\.severity) == [.warning])
        #expect(result.diagnostics.first?.message.contains("checks only that its command exits 0") == true)
    }

    @Test func unquotedReferenceThatMayBeEmptyWarns() throws {
        let result = load(
            """
            runbook: 1
            vars:
              tag: ""
              name: web
              opt: { description: optional flag }
            steps:
              - id: a
                docker: run ${tag} "${tag}" ${name} ${env.EXTRA} ${env.OTHER:-x} ${opt} ubuntu
                expect: { stdout: { contains: ok } }
            """)
        #expect(result.runbook != nil)
        #expect(result.diagnostics.map(\.severity) == [.warning, .warning, .warning])
        #expect(result.diagnostics.map { "\($0.location.line):\($0.location.column)" } == ["8:17", "8:41", "8:70"])
        #expect(result.diagnostics[0].message.hasPrefix("'${tag}' may be empty, which passes an empty argument"))
        #expect(result.diagnostics[1].message.hasPrefix("'${env.EXTRA}' may be empty"))
        #expect(result.diagnostics[2].message.hasPrefix("'${opt}' may be empty"))
    }

    @Test func bindMountOfLocalPathWarnsOnlyWithRemoteEngines() throws {
        let text = """
            runbook: 1
            steps:
              - id: a
                docker: run --rm -v /data:/x -v named:/y --mount type=bind,source=./src,target=/s ubuntu ls /x
                expect: { stdout: { contains: ok } }
            """
        let local = load(text)
        #expect(local.runbook != nil)
        #expect(local.diagnostics.isEmpty)
        let remote = load(text, remoteEngines: true)
        #expect(remote.runbook != nil, "a warning does not make the runbook invalid")
        #expect(remote.diagnostics.map(\.severity) == [.warning, .warning])
        #expect(remote.diagnostics.map { "\($0.location.line):\($0.location.column)" } == ["4:22", "4:46"])
        #expect(remote.diagnostics[0].message.hasPrefix("bind mount of the local path '/data'"))
        #expect(remote.diagnostics[1].message.hasPrefix("bind mount of the local path './src'"))
    }

    @Test func ttyStepMayRunDockerIt() throws {
        let result = load(
            "runbook: 1\nsteps:\n  - id: a\n    docker: run -it ubuntu bash\n    tty: true\n    stdin: exit\n    expect: { stdout: { contains: root } }\n  - id: b\n    docker: run -dit ubuntu\n    expect: { stdout: { matches: '^[0-9a-f]+$' } }\n"
        )
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.runbook?.steps.map(\.tty) == [true, false])
    }
}
